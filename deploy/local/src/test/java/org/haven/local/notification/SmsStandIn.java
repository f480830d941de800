package org.haven.local.notification;

import org.haven.local.PlatformExtension;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local HTTP server standing in for the SMS provider: it takes the Twilio-style form POST
 * notification-service sends to its webhook, answers 201, and keeps every text with when it arrived.
 */
final class SmsStandIn implements AutoCloseable {

    record Text(String to, String body, Instant receivedAt) {
    }

    private static final String PATH = "/2010-04-01/Accounts/AC-local/Messages.json";

    private final HttpServer server;
    private final List<Text> texts = new CopyOnWriteArrayList<>();

    private SmsStandIn(HttpServer server) {
        this.server = server;
    }

    static SmsStandIn start() throws IOException {
        SmsStandIn provider = new SmsStandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        provider.server.createContext(PATH, exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                provider.texts.add(new Text(form.get("To"), form.get("Body"), PlatformExtension.now()));
            }
            byte[] answer = "{\"sid\":\"SM-local\",\"status\":\"queued\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        provider.server.start();
        return provider;
    }

    /** The webhook URL to give notification-service ({@code SMS_WEBHOOK_URL}). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    List<Text> texts() {
        return List.copyOf(texts);
    }

    private static Map<String, String> parse(String form) {
        return Arrays.stream(form.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

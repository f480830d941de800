package org.haven.notification;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local HTTP server standing in for the SMS provider: it takes Twilio's "create message" form POST,
 * checks the account's Basic credentials, and keeps every text it accepted.
 */
public class SmsProvider implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT = "AC0123456789";
    static final String TOKEN = "test-auth-token";

    record Text(String to, String from, String body) {
    }

    private static final List<Text> TEXTS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        server.createContext("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", exchange -> {
            boolean authorized = expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            if (authorized && "POST".equals(exchange.getRequestMethod())) {
                Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                TEXTS.add(new Text(form.get("To"), form.get("From"), form.get("Body")));
            }
            byte[] answer = (authorized ? "{\"sid\":\"SM1\",\"status\":\"queued\"}" : "{\"code\":20003}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 201 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return Map.of(
                "haven.notification.sms.webhook-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json",
                "haven.notification.sms.username", ACCOUNT,
                "haven.notification.sms.password", TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static List<Text> to(String phone) {
        return TEXTS.stream().filter(text -> phone.equals(text.to())).toList();
    }

    private static Map<String, String> parse(String form) {
        return Arrays.stream(form.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
    }
}

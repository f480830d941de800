package org.haven.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.notification.config.SmsConfig;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends a text through the configured provider webhook; anything but a 2xx answer is a failed attempt. */
@ApplicationScoped
public class SmsGateway {

    private final SmsConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SmsGateway(SmsConfig config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.webhookUrl().isPresent();
    }

    public void send(String to, String body, Duration timeout) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", config.from());
        form.put("Body", body);
        HttpRequest.Builder request = HttpRequest.newBuilder(config.webhookUrl().orElseThrow(() -> new IllegalStateException("no SMS webhook configured")))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        config.username().ifPresent(user -> request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + config.password().orElse("")).getBytes(StandardCharsets.UTF_8))));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the SMS provider answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the SMS provider could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while texting", e);
        }
    }
}

package org.haven.local.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An HTTP client that keeps cookies and never follows redirects, so each step of a flow can be checked. */
final class Browser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN_LOGIN = Pattern.compile("name=\"login\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
        return post(HttpRequest.newBuilder(URI.create(url)), form);
    }

    /** A token request authenticated as the client with HTTP Basic (client_secret_basic). */
    HttpResponse<String> postAsClient(String url, String clientId, String secret, Map<String, String> form)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic), form);
    }

    private HttpResponse<String> post(HttpRequest.Builder request, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request.header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static String loginIdOf(String page) {
        Matcher matcher = HIDDEN_LOGIN.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("No login form in: " + page);
        }
        return matcher.group(1);
    }

    /** The query parameters of a redirect's Location. */
    static Map<String, String> queryOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError("No Location header"));
        String query = URI.create(location).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                params.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}

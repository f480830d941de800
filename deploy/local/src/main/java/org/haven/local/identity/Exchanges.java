package org.haven.local.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing answers on the JDK HTTP server, with the headers every answer needs. */
final class Exchanges {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_FORM_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request the endpoint cannot read; answered with 400 (or 413). */
    static final class BadRequest extends Exception {

        private final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private Exchanges() {
    }

    static Map<String, String> query(HttpExchange exchange) throws BadRequest {
        return parse(exchange.getRequestURI().getRawQuery());
    }

    static Map<String, String> form(HttpExchange exchange) throws BadRequest {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(FORM)) {
            throw new BadRequest(400, "Send the parameters as " + FORM);
        }
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
            if (bytes.length > MAX_FORM_BYTES) {
                throw new BadRequest(413, "The request body is too large");
            }
            return parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadRequest(400, "The request body could not be read");
        }
    }

    /** Parses {@code a=1&b=2}; a parameter given twice is refused (RFC 6749 §3.1, §3.2). */
    static Map<String, String> parse(String raw) throws BadRequest {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (params.putIfAbsent(name, value) != null) {
                    throw new BadRequest(400, "The parameter " + name + " is given more than once");
                }
            } catch (IllegalArgumentException e) {
                throw new BadRequest(400, "A parameter is not properly encoded");
            }
        }
        return params;
    }

    static String withQuery(String uri, Map<String, String> params) {
        StringBuilder target = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
        boolean first = true;
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() == null) {
                continue;
            }
            if (!first) {
                target.append('&');
            }
            target.append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            first = false;
        }
        return target.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(name)) {
                    return pair[1];
                }
            }
        }
        return null;
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    /** An OAuth 2.0 error answer (RFC 6749 §5.2). */
    static void oauthError(HttpExchange exchange, int status, String error, String description) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        json(exchange, status, body);
    }

    static void html(HttpExchange exchange, int status, String page, String contentSecurityPolicy) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
        send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        send(exchange, status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        hardened(exchange.getResponseHeaders());
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        hardened(headers);
        headers.set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static void hardened(Headers headers) {
        headers.set("Cache-Control", "no-store");
        headers.set("Pragma", "no-cache");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer Chromium posts the login form with "Origin: null",
        // which the form's own origin check must refuse. Nothing is sent to other sites either way.
        headers.set("Referrer-Policy", "same-origin");
    }
}

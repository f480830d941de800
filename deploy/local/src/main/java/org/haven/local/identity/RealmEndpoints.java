package org.haven.local.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes each request of the realm to its endpoint; serves discovery, the JWKS, userinfo and the stylesheet itself. */
final class RealmEndpoints implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(RealmEndpoints.class);
    private static final List<String> USERINFO_CLAIMS = List.of("sub", "preferred_username", "name", "email", "email_verified",
            "realm_access", "groups", "haven_sites");

    private interface Answer {
        void send() throws IOException;
    }

    private final Realm realm;
    private final TokenIssuer tokens;
    private final AuthorizationEndpoint authorization;
    private final TokenEndpoint token;
    private final String discovery;
    private final String jwks;
    private final String stylesheet;

    RealmEndpoints(Realm realm, SigningKeys keys, TokenIssuer tokens, AuthorizationEndpoint authorization, TokenEndpoint token) {
        this.realm = realm;
        this.tokens = tokens;
        this.authorization = authorization;
        this.token = token;
        this.discovery = discovery(realm);
        this.jwks = keys.publicJwks();
        this.stylesheet = resource("identity/login.css");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The local identity provider failed on %s %s", exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            Exchanges.oauthError(exchange, 500, "server_error", "The identity provider failed; see the launcher's log");
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case Realm.DISCOVERY -> on(exchange, "GET", () -> Exchanges.text(exchange, 200, "application/json", discovery));
            case Realm.CERTS -> on(exchange, "GET", () -> Exchanges.text(exchange, 200, "application/json", jwks));
            case Realm.STYLESHEET -> on(exchange, "GET", () -> Exchanges.text(exchange, 200, "text/css; charset=utf-8", stylesheet));
            case Realm.AUTHORIZE -> on(exchange, "GET", () -> authorization.authorize(exchange));
            case Realm.LOGIN_ACTION -> on(exchange, "POST", () -> authorization.authenticate(exchange));
            case Realm.LOGOUT -> on(exchange, "GET, POST", () -> authorization.logout(exchange));
            case Realm.USERINFO -> on(exchange, "GET, POST", () -> userInfo(exchange));
            case Realm.TOKEN -> token.handle(exchange);
            default -> Exchanges.oauthError(exchange, 404, "not_found", "No such endpoint; see " + realm.url(Realm.DISCOVERY));
        }
    }

    private static void on(HttpExchange exchange, String allowed, Answer answer) throws IOException {
        String method = exchange.getRequestMethod();
        boolean accepted = List.of(allowed.split(", ")).contains(method) || "HEAD".equals(method) && allowed.contains("GET");
        if (!accepted) {
            exchange.getResponseHeaders().set("Allow", allowed);
            Exchanges.oauthError(exchange, 405, "invalid_request", "Use " + allowed);
            return;
        }
        answer.send();
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<JwtClaims> claims = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.readAccessToken(header.substring(7).trim()) : Optional.empty();
        if (claims.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"" + Realm.NAME + "\", error=\"invalid_token\"");
            Exchanges.oauthError(exchange, 401, "invalid_token", "Token verification failed");
            return;
        }
        Map<String, Object> all = claims.get().getClaimsMap();
        Map<String, Object> info = new LinkedHashMap<>();
        USERINFO_CLAIMS.stream().filter(all::containsKey).forEach(name -> info.put(name, all.get(name)));
        Exchanges.json(exchange, 200, info);
    }

    private static String discovery(Realm realm) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", realm.issuer());
        configuration.put("authorization_endpoint", realm.url(Realm.AUTHORIZE));
        configuration.put("token_endpoint", realm.url(Realm.TOKEN));
        configuration.put("userinfo_endpoint", realm.url(Realm.USERINFO));
        configuration.put("end_session_endpoint", realm.url(Realm.LOGOUT));
        configuration.put("jwks_uri", realm.url(Realm.CERTS));
        configuration.put("grant_types_supported", List.of("authorization_code", "refresh_token", "password"));
        configuration.put("response_types_supported", List.of("code"));
        configuration.put("response_modes_supported", List.of("query"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        configuration.put("code_challenge_methods_supported", List.of(AuthorizationRequest.S256));
        configuration.put("scopes_supported", List.of("openid", "profile", "email"));
        configuration.put("claims_supported", List.of("iss", "sub", "aud", "azp", "exp", "iat", "jti", "auth_time", "nonce", "sid",
                "preferred_username", "name", "email", "email_verified", "realm_access", "groups", "haven_sites"));
        try {
            return new ObjectMapper().writeValueAsString(configuration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RealmEndpoints.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.haven.local.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint for the confidential client {@code haven}: the password grant (curl, tests), the
 * authorization-code grant with PKCE (the pages' sign-in) and the refresh-token grant. Answers and
 * errors are shaped as RFC 6749 and Keycloak shape them.
 */
final class TokenEndpoint implements HttpHandler {

    static final String DEFAULT_SCOPE = "openid profile email";

    private final DemoUsers users;
    private final TokenIssuer tokens;
    private final SignIns signIns;
    private final Clock clock;

    TokenEndpoint(DemoUsers users, TokenIssuer tokens, SignIns signIns, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.signIns = signIns;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            Exchanges.oauthError(exchange, 405, "invalid_request", "Use POST");
            return;
        }
        Map<String, String> form;
        try {
            form = Exchanges.form(exchange);
        } catch (Exchanges.BadRequest e) {
            Exchanges.oauthError(exchange, e.status(), "invalid_request", e.getMessage());
            return;
        }
        if (!clientAuthenticated(exchange, form)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + Realm.NAME + "\"");
            Exchanges.oauthError(exchange, 401, "invalid_client", "Invalid client or Invalid client credentials");
            return;
        }
        String grantType = form.get("grant_type");
        if (grantType == null) {
            Exchanges.oauthError(exchange, 400, "invalid_request", "Missing form parameter: grant_type");
            return;
        }
        switch (grantType) {
            case "password" -> passwordGrant(exchange, form);
            case "authorization_code" -> codeGrant(exchange, form);
            case "refresh_token" -> refreshGrant(exchange, form);
            default -> Exchanges.oauthError(exchange, 400, "unsupported_grant_type", "Unsupported grant_type");
        }
    }

    private void passwordGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
        Optional<DemoUser> user = users.authenticate(form.get("username"), form.get("password"));
        if (user.isEmpty()) {
            Exchanges.oauthError(exchange, 401, "invalid_grant", "Invalid user credentials");
            return;
        }
        String scope = form.getOrDefault("scope", DEFAULT_SCOPE);
        issue(exchange, new TokenIssuer.Grant(user.get(), scope, ExpiringStore.newKey(), clock.instant(), null));
    }

    private void codeGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
        Optional<SignIns.Code> redeemed = signIns.codes.take(form.get("code"));
        if (redeemed.isEmpty()) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "Code not valid");
            return;
        }
        SignIns.Code code = redeemed.get();
        if (!code.request().redirectUri().equals(form.get("redirect_uri"))) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "Incorrect redirect_uri");
            return;
        }
        if (!Pkce.verifies(form.get("code_verifier"), code.request().codeChallenge())) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "PKCE verification failed: code_verifier does not match");
            return;
        }
        Optional<DemoUser> user = users.find(code.username());
        if (user.isEmpty() || signIns.ended(code.sid())) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "Session not active");
            return;
        }
        issue(exchange, new TokenIssuer.Grant(user.get(), code.request().scope(), code.sid(), code.authTime(), code.request().nonce()));
    }

    private void refreshGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
        Optional<TokenIssuer.RefreshClaims> refresh = tokens.readRefreshToken(form.get("refresh_token"));
        if (refresh.isEmpty()) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "Invalid refresh token");
            return;
        }
        TokenIssuer.RefreshClaims claims = refresh.get();
        Optional<DemoUser> user = users.find(claims.username());
        if (user.isEmpty() || signIns.ended(claims.sessionId())) {
            Exchanges.oauthError(exchange, 400, "invalid_grant", "Session not active");
            return;
        }
        // The person's roles and sites are read again, as Keycloak does on refresh.
        issue(exchange, new TokenIssuer.Grant(user.get(), claims.scope(), claims.sessionId(), claims.authTime(), null));
    }

    private void issue(HttpExchange exchange, TokenIssuer.Grant grant) throws IOException {
        Exchanges.json(exchange, 200, tokens.tokenResponse(grant));
    }

    /** client_secret_basic or client_secret_post, for the one client this realm has. */
    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return false;
                }
                String basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                if (clientId != null && !clientId.equals(basicId)) {
                    return false;
                }
                clientId = basicId;
                secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return Realm.CLIENT_ID.equals(clientId) && secret != null
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), Realm.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8));
    }
}

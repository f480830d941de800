package org.haven.local.identity;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The browser side of sign-in: the authorization endpoint with its login form, the form's submission,
 * and sign-out (RP-initiated logout). A browser that has signed in once gets codes without seeing the
 * form again until it signs out.
 */
final class AuthorizationEndpoint {

    private static final String WRONG_CREDENTIALS = "Wrong username or password.";

    private final DemoUsers users;
    private final TokenIssuer tokens;
    private final SignIns signIns;
    private final Clock clock;
    private final Set<String> ownOrigins;

    AuthorizationEndpoint(Realm realm, int port, DemoUsers users, TokenIssuer tokens, SignIns signIns, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.signIns = signIns;
        this.clock = clock;
        this.ownOrigins = Set.of(realm.origin(), "http://127.0.0.1:" + port);
    }

    /** GET /auth: validate the request, then show the form or, for a signed-in browser, return a code at once. */
    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params;
        AuthorizationRequest request;
        try {
            params = Exchanges.query(exchange);
        } catch (Exchanges.BadRequest e) {
            cannotContinue(exchange, e.getMessage());
            return;
        }
        try {
            request = AuthorizationRequest.from(params);
        } catch (AuthorizationRequest.Rejected rejected) {
            if (!rejected.redirectable()) {
                cannotContinue(exchange, rejected.getMessage());
                return;
            }
            redirectError(exchange, params.get("redirect_uri"), params.get("state"), rejected.error(), rejected.getMessage());
            return;
        }
        Optional<SignIns.Session> session = currentSession(exchange);
        if (session.isPresent() && !request.mustAskForPassword()) {
            redirectWithCode(exchange, request, session.get());
            return;
        }
        if (request.mustNotShowPage()) {
            redirectError(exchange, request.redirectUri(), request.state(), "login_required", "Sign-in is required");
            return;
        }
        String loginId = signIns.pendingLogins.put(request);
        Exchanges.html(exchange, 200, LoginPage.signIn(loginId, "", null, users.all()),
                LoginPage.contentSecurityPolicy(Realm.originOf(request.redirectUri())));
    }

    /** POST of the login form: check the password, start the browser session, send the code to the application. */
    void authenticate(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !ownOrigins.contains(origin)) {
            Exchanges.html(exchange, 403, LoginPage.message("Sign-in refused", "The form was sent from another site."),
                    LoginPage.contentSecurityPolicy(null));
            return;
        }
        Map<String, String> form;
        try {
            form = Exchanges.form(exchange);
        } catch (Exchanges.BadRequest e) {
            cannotContinue(exchange, e.getMessage());
            return;
        }
        String loginId = form.get("login");
        Optional<AuthorizationRequest> pending = signIns.pendingLogins.get(loginId);
        if (pending.isEmpty()) {
            cannotContinue(exchange, "This sign-in form has expired. Go back to Haven and sign in again.");
            return;
        }
        AuthorizationRequest request = pending.get();
        Optional<DemoUser> user = users.authenticate(form.get("username"), form.get("password"));
        if (user.isEmpty()) {
            Exchanges.html(exchange, 200, LoginPage.signIn(loginId, form.get("username"), WRONG_CREDENTIALS, users.all()),
                    LoginPage.contentSecurityPolicy(Realm.originOf(request.redirectUri())));
            return;
        }
        signIns.pendingLogins.remove(loginId);
        SignIns.Session session = new SignIns.Session(user.get().username(), clock.instant(), ExpiringStore.newKey());
        String cookieKey = signIns.sessions.put(session);
        exchange.getResponseHeaders().add("Set-Cookie", SignIns.SESSION_COOKIE + "=" + cookieKey
                + "; Path=" + Realm.PATH + "/; HttpOnly; SameSite=Lax");
        redirectWithCode(exchange, request, session);
    }

    /** GET or POST /logout: end the browser session and the session named by id_token_hint, then go back. */
    void logout(HttpExchange exchange) throws IOException {
        Map<String, String> params;
        try {
            params = "POST".equals(exchange.getRequestMethod()) ? Exchanges.form(exchange) : Exchanges.query(exchange);
        } catch (Exchanges.BadRequest e) {
            cannotContinue(exchange, e.getMessage());
            return;
        }
        String returnTo = params.get("post_logout_redirect_uri");
        if (returnTo != null && !Realm.allowsRedirectTo(returnTo)) {
            cannotContinue(exchange, "The application asked to return to an address outside this machine.");
            return;
        }
        tokens.sessionOfIdToken(params.get("id_token_hint")).ifPresent(signIns::end);
        String cookieKey = Exchanges.cookie(exchange, SignIns.SESSION_COOKIE);
        signIns.sessions.take(cookieKey).ifPresent(session -> signIns.end(session.sid()));
        exchange.getResponseHeaders().add("Set-Cookie", SignIns.SESSION_COOKIE + "=; Path=" + Realm.PATH
                + "/; Max-Age=0; HttpOnly; SameSite=Lax");
        if (returnTo != null) {
            Map<String, String> back = new LinkedHashMap<>();
            back.put("state", params.get("state"));
            Exchanges.redirect(exchange, 302, Exchanges.withQuery(returnTo, back));
            return;
        }
        Exchanges.html(exchange, 200, LoginPage.message("Signed out", "You are signed out of Haven on this machine."),
                LoginPage.contentSecurityPolicy(null));
    }

    private Optional<SignIns.Session> currentSession(HttpExchange exchange) {
        return signIns.sessions.get(Exchanges.cookie(exchange, SignIns.SESSION_COOKIE))
                .filter(session -> !signIns.ended(session.sid()))
                .filter(session -> users.find(session.username()).isPresent());
    }

    private void redirectWithCode(HttpExchange exchange, AuthorizationRequest request, SignIns.Session session) throws IOException {
        String code = signIns.codes.put(new SignIns.Code(request, session.username(), session.sid(), session.authTime()));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("state", request.state());
        params.put("code", code);
        Exchanges.redirect(exchange, 302, Exchanges.withQuery(request.redirectUri(), params));
    }

    private static void redirectError(HttpExchange exchange, String redirectUri, String state, String error, String description)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        Exchanges.redirect(exchange, 302, Exchanges.withQuery(redirectUri, params));
    }

    private static void cannotContinue(HttpExchange exchange, String why) throws IOException {
        Exchanges.html(exchange, 400, LoginPage.message("Sign-in cannot continue", why), LoginPage.contentSecurityPolicy(null));
    }
}

package org.haven.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * Puts the browser-hardening headers on every HTTP response of the service — pages, APIs, errors and
 * the router's own 404s — just before the headers are written. A response that already carries one
 * of these headers keeps its own value, so a page that needs a different policy can set it itself.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'; object-src 'none'";

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    /** Runs before Quarkus' own routes and authentication, so early answers get the headers too. */
    static final int PRIORITY = 20_000;

    void register(@Observes Filters filters) {
        boolean devMode = LaunchMode.current() == LaunchMode.DEVELOPMENT;
        filters.register(context -> {
            // Dev UI (quarkus:dev only) needs inline scripts; nothing under /q/dev-ui exists in production.
            if (!(devMode && context.normalizedPath().startsWith("/q/dev-ui"))) {
                context.addHeadersEndHandler(ignored -> addMissing(context));
            }
            context.next();
        }, PRIORITY);
    }

    private static void addMissing(RoutingContext context) {
        MultiMap headers = context.response().headers();
        HEADERS.forEach((name, value) -> {
            if (!headers.contains(name)) {
                headers.set(name, value);
            }
        });
    }
}

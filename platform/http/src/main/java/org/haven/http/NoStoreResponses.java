package org.haven.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Cache-Control: no-store} on every response that does not set its own caching, so neither the
 * browser's cache nor its back button keeps one person's pages or API answers for the next person on a
 * shared phone. Pages and APIs (all of them answer for a signed-in person) set nothing and get
 * {@code no-store}; the static files (scripts, styles) carry the static handler's own {@code Cache-Control}
 * and stay cacheable. Registered as a Vert.x filter, so redirects to sign-in, problem answers and the router's
 * own 404s get it too.
 */
@ApplicationScoped
public class NoStoreResponses {

    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String NO_STORE = "no-store";

    /** Runs before Quarkus' routes and authentication, so early answers get the header as well. */
    static final int PRIORITY = 19_000;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> addUnlessSet(context));
            context.next();
        }, PRIORITY);
    }

    private static void addUnlessSet(RoutingContext context) {
        MultiMap headers = context.response().headers();
        if (!headers.contains(CACHE_CONTROL)) {
            headers.set(CACHE_CONTROL, NO_STORE);
        }
    }
}

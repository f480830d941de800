package org.haven.incident.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.http.Problem;

/**
 * Quarkus refuses a body over {@code quarkus.http.limits.max-body-size} before any resource sees it,
 * with an empty 413. This gives that refusal the problem+json shape of every other API error: one
 * handler runs just before Quarkus' own Content-Length check, one catches a chunked body that grows
 * past the limit while it is read.
 */
@ApplicationScoped
public class OversizeBodyProblem {

    /** Quarkus' own Content-Length check runs at route order -2. */
    private static final int BEFORE_QUARKUS_LIMIT_CHECK = -3;
    private static final String BODY = """
            {"type":"about:blank","title":"Request Entity Too Large","status":413,\
            "detail":"The request body is larger than this service accepts"}""";

    private final long maxBodySize;

    OversizeBodyProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT_CHECK).handler(context -> {
            if (declaredLength(context) > maxBodySize) {
                refuse(context);
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context);
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void refuse(RoutingContext context) {
        // the body is not read: close the connection once the answer is out
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(BODY)
                .onComplete(done -> context.request().connection().close());
    }
}

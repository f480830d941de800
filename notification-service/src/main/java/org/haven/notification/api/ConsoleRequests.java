package org.haven.notification.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.haven.http.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * A change through the console's session API must come from the console's script: it carries
 * {@code X-Requested-With}, which a cross-site form cannot send (and the session cookie is SameSite=Lax).
 */
public class ConsoleRequests {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public Optional<Response> fromTheConsoleScript(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/app/api/console/") || READS.contains(request.getMethod())) {
            return Optional.empty();
        }
        String header = request.getHeaderString(AlertsPage.SCRIPT_HEADER);
        if (header == null || header.isBlank()) {
            return Optional.of(Problem.of(Response.Status.BAD_REQUEST, "Change the directory from the console page").toResponse());
        }
        return Optional.empty();
    }
}

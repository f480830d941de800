package org.haven.notification.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import org.haven.notification.config.EscalationConfig;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.DirectoryAudit;
import org.haven.notification.domain.DirectoryImport;
import org.haven.notification.domain.UnroutableAlerts;
import org.haven.security.Caller;
import org.haven.security.HavenRole;

import java.time.Clock;

/**
 * The directory API for the console page's script: the same operations as {@code /api/directory}, under {@code /app}
 * so that the page's session (the {@code web} tenant) signs them. Changes must carry {@code X-Requested-With}
 * ({@link ConsoleRequests}), which a cross-site form cannot set.
 */
@Path("/app/api/console/directory")
@RolesAllowed(HavenRole.ADMIN)
public class ConsoleDirectoryApi extends DirectoryResource {

    ConsoleDirectoryApi(Directory directory, Caller caller, EscalationConfig escalation, Clock clock, DirectoryAudit audit,
                        UnroutableAlerts unroutableAlerts, ObjectMapper json, DirectoryImport importer) {
        super(directory, caller, escalation, clock, audit, unroutableAlerts, json, importer);
    }
}

package org.haven.notification.api;

import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.notification.domain.Directory;
import org.haven.security.Caller;
import org.haven.security.HavenRole;

/**
 * The admin console ({@code /app/console}): the directory's sites, people, rota and on-call, escalation chains,
 * facilitators, CSV import and audit, through {@link ConsoleDirectoryApi}. With an empty directory it opens on the
 * first-run set-up.
 */
@Path("/app/console")
@RolesAllowed(HavenRole.ADMIN)
public class ConsolePage {

    private final Template console;
    private final Directory directory;
    private final Caller caller;

    ConsolePage(Template console, Directory directory, Caller caller) {
        this.console = console;
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        String me = caller.personId();
        String name = directory.person(me).map(p -> p.displayName).orElse(me);
        return console.data("name", name).data("setup", directory.isEmpty()).render();
    }
}

package org.haven.wellness.api;

import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.haven.security.HavenRole;
import org.haven.wellness.domain.FollowUp;
import org.haven.wellness.domain.SupervisorCheckIns;
import org.haven.wellness.domain.WellnessAccess;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A supervisor's view of their sites' follow-ups: who is owed which check-in and whether it happened,
 * and where they record that the same-day conversation was held. The page reads only {@link FollowUp}
 * rows, which hold no answers or scores; it has no way to reach a check-in.
 */
@Path("/app/wellness/site")
@RolesAllowed(HavenRole.SUPERVISOR)
@Produces(MediaType.TEXT_HTML)
public class SiteFollowUpsPage {

    static final int SHOWN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance site(List<Row> followUps, List<String> sites);
    }

    /** A follow-up as the supervisor sees it: whether it happened, and whether they may record it as held. */
    public record Row(FollowUp followUp, boolean overdue, boolean recordable) {
    }

    private final WellnessAccess access;
    private final SupervisorCheckIns supervisorCheckIns;
    private final Clock clock;

    SiteFollowUpsPage(WellnessAccess access, SupervisorCheckIns supervisorCheckIns, Clock clock) {
        this.access = access;
        this.supervisorCheckIns = supervisorCheckIns;
        this.clock = clock;
    }

    @GET
    public TemplateInstance site() {
        List<String> sites = access.supervisedSites().stream().sorted().toList();
        Instant now = clock.instant();
        List<Row> rows = sites.isEmpty() ? List.of() : FollowUp.<FollowUp>find(
                        "siteId in :sites order by createdAt desc, dueAt, staffId, kind", Parameters.with("sites", sites))
                .page(0, SHOWN).list().stream()
                .map(f -> new Row(f, f.isOpen() && f.dueAt.isBefore(now),
                        f.isOpen() && !f.kind.isSelfCheckIn() && !access.isMine(f.staffId)))
                .toList();
        return Templates.site(rows, sites);
    }

    /** The same-day conversation happened; nothing of what was said is recorded. */
    @POST
    @Path("/followups/{id}/held")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response held(@PathParam("id") UUID id) {
        supervisorCheckIns.recordHeld(id);
        return Response.seeOther(UriBuilder.fromPath("/app/wellness/site").build()).build();
    }
}

package org.haven.debrief.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.debrief.domain.ComplianceHistory;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefStatus;
import org.haven.security.HavenRole;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The supervisors' and directors' page: per site of the caller's token, the debriefs whose deadline passed
 * unheld, those coming up, and how long incidents waited for their debrief over the last months against
 * the deadline (a server-drawn plot and the same numbers as a table). Signed in through the {@code web} tenant.
 */
@Path("/app/debriefs")
@RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class DebriefOverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<SiteOverview> sites, int months, String now);
    }

    private final DebriefAccess access;
    private final ComplianceHistory history;
    private final Clock clock;

    DebriefOverviewPage(DebriefAccess access, ComplianceHistory history, Clock clock) {
        this.access = access;
        this.history = history;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(@QueryParam("months") @DefaultValue("6") @Min(1) @Max(24) int months) {
        TreeSet<String> sites = new TreeSet<>(access.visibleSites());
        Instant now = clock.instant();
        Map<String, List<Debrief>> unheld = sites.isEmpty() ? Map.of()
                : Debrief.<Debrief>list("siteId in ?1 and status in ?2 order by deadline, id", sites, DebriefStatus.UPCOMING)
                .stream().collect(Collectors.groupingBy(d -> d.siteId));
        List<SiteOverview> overview = history.of(sites, months).stream()
                .map(site -> SiteOverview.of(site, unheld.getOrDefault(site.siteId(), List.of()), now))
                .toList();
        return Templates.overview(overview, months, SiteOverview.when(now));
    }
}

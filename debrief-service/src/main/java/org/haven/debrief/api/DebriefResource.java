package org.haven.debrief.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefScheduling;
import org.haven.debrief.domain.DebriefStatus;
import org.haven.security.HavenRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/debriefs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class DebriefResource {

    private static final String UUID_FORM = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private final DebriefAccess access;
    private final DebriefScheduling scheduling;

    DebriefResource(DebriefAccess access, DebriefScheduling scheduling) {
        this.access = access;
        this.scheduling = scheduling;
    }

    @GET
    @Path("/{id}")
    public DebriefView get(@PathParam("id") UUID id) {
        return DebriefView.of(access.readable(id));
    }

    /**
     * Debriefs the caller may see, the most urgent deadline first: their sites' for supervisors and
     * directors, their own for staff. {@code overdue=true} gives those whose deadline passed unheld.
     */
    @GET
    public DebriefPage list(@QueryParam("incidentId") @Pattern(regexp = UUID_FORM, message = "must be a UUID") String incidentId,
                            @QueryParam("site") String site,
                            @QueryParam("status") DebriefStatus status,
                            @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (access.seesWholeSites()) {
            if (access.visibleSites().isEmpty()) {
                return new DebriefPage(List.of(), page, size, 0);
            }
            where.add("siteId in :sites");
            params = params.and("sites", access.visibleSites());
        } else {
            where.add("(facilitatorId = :me or id in (select d.id from Debrief d join d.participants p where p.staffId = :me))");
            params = params.and("me", access.personId());
        }
        if (incidentId != null) {
            where.add("id in (select d.id from Debrief d join d.incidents i where i.incidentId = :incidentId)");
            params = params.and("incidentId", UUID.fromString(incidentId));
        }
        if (site != null) {
            where.add("siteId = :site");
            params = params.and("site", site);
        }
        if (status != null) {
            where.add("status = :status");
            params = params.and("status", status);
        }
        if (overdue) {
            where.add("overdueAt is not null and status in :upcoming");
            params = params.and("upcoming", DebriefStatus.UPCOMING);
        }
        PanacheQuery<Debrief> query = Debrief.find(String.join(" and ", where), Sort.ascending("deadline").and("id"), params);
        List<DebriefView> items = query.page(Page.of(page, size)).list().stream().map(DebriefView::of).toList();
        return new DebriefPage(items, page, size, query.count());
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
    @Transactional
    public DebriefView reschedule(@PathParam("id") UUID id,
                                  @NotNull(message = "a JSON body is required") @Valid RescheduleRequest request) {
        Debrief debrief = access.manageable(id);
        return DebriefView.of(scheduling.reschedule(debrief, Optional.ofNullable(request.startsAt()), request.reason()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
    @Transactional
    public DebriefView cancel(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid CancelRequest request) {
        Debrief debrief = access.manageable(id);
        return DebriefView.of(scheduling.cancel(debrief, request.reason()));
    }
}

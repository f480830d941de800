package org.haven.wellness.api;

import org.haven.http.Ids;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.security.HavenRole;
import org.haven.wellness.domain.FollowUp;
import org.haven.wellness.domain.SupervisorCheckIns;
import org.haven.wellness.domain.WellnessAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Follow-ups: whether each check-in is owed and whether it happened. Never what anyone answered. */
@Path("/api/followups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class FollowUpResource {

    private final WellnessAccess access;
    private final SupervisorCheckIns supervisorCheckIns;

    FollowUpResource(WellnessAccess access, SupervisorCheckIns supervisorCheckIns) {
        this.access = access;
        this.supervisorCheckIns = supervisorCheckIns;
    }

    @GET
    @Path("/{id}")
    public FollowUpView get(@PathParam("id") UUID id) {
        FollowUp followUp = FollowUp.findById(id);
        access.requireReadable(followUp, "No follow-up " + id);
        return FollowUpView.of(followUp);
    }

    /** The supervisor records that the same-day check-in conversation happened. */
    @POST
    @Path("/{id}/held")
    @RolesAllowed(HavenRole.SUPERVISOR)
    public FollowUpView held(@PathParam("id") UUID id) {
        return FollowUpView.of(supervisorCheckIns.recordHeld(id));
    }

    /** The caller's own follow-ups and, for a supervisor, every follow-up of their sites. */
    @GET
    public FollowUpPage list(@QueryParam("incidentId") UUID incidentId,
                             @QueryParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId,
                             @QueryParam("site") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String site,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = Parameters.with("me", access.personId());
        Set<String> supervised = access.supervisedSites();
        if (supervised.isEmpty()) {
            where.add("staffId = :me");
        } else {
            where.add("(staffId = :me or siteId in :sites)");
            params = params.and("sites", supervised);
        }
        if (incidentId != null) {
            where.add("incidentId = :incidentId");
            params = params.and("incidentId", incidentId);
        }
        if (staffId != null) {
            where.add("staffId = :staffId");
            params = params.and("staffId", staffId);
        }
        if (site != null) {
            access.refuseMismatched(site);
            where.add("siteId = :site");
            params = params.and("site", site);
        }
        PanacheQuery<FollowUp> query = FollowUp.find(String.join(" and ", where),
                Sort.ascending("dueAt", "staffId", "kind"), params);
        List<FollowUpView> items = query.page(Page.of(page, size)).list().stream().map(FollowUpView::of).toList();
        return new FollowUpPage(items, page, size, query.count());
    }
}

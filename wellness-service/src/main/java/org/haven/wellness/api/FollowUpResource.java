package org.haven.wellness.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.wellness.domain.FollowUp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/followups")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    @GET
    @Path("/{id}")
    public FollowUpView get(@PathParam("id") UUID id) {
        FollowUp followUp = FollowUp.findById(id);
        if (followUp == null) {
            throw new NotFoundException("No follow-up " + id);
        }
        return FollowUpView.of(followUp);
    }

    @GET
    public FollowUpPage list(@QueryParam("incidentId") UUID incidentId,
                             @QueryParam("staffId") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String staffId,
                             @QueryParam("site") @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String site,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (incidentId != null) {
            where.add("incidentId = :incidentId");
            params = params.and("incidentId", incidentId);
        }
        if (staffId != null) {
            where.add("staffId = :staffId");
            params = params.and("staffId", staffId);
        }
        if (site != null) {
            where.add("siteId = :site");
            params = params.and("site", site);
        }
        PanacheQuery<FollowUp> query = FollowUp.find(String.join(" and ", where),
                Sort.ascending("dueAt", "staffId", "kind"), params);
        List<FollowUpView> items = query.page(Page.of(page, size)).list().stream().map(FollowUpView::of).toList();
        return new FollowUpPage(items, page, size, query.count());
    }
}

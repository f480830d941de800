package org.haven.debrief.api;

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
import org.haven.debrief.domain.Debrief;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/debriefs")
@Produces(MediaType.APPLICATION_JSON)
public class DebriefResource {

    private static final String UUID_FORM = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    @GET
    @Path("/{id}")
    public DebriefView get(@PathParam("id") UUID id) {
        Debrief debrief = Debrief.findById(id);
        if (debrief == null) {
            throw new NotFoundException("No debrief " + id);
        }
        return DebriefView.of(debrief);
    }

    /** Debriefs, the most urgent deadline first. */
    @GET
    public DebriefPage list(@QueryParam("incidentId") @Pattern(regexp = UUID_FORM, message = "must be a UUID") String incidentId,
                            @QueryParam("site") String site,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (incidentId != null) {
            where.add("incidentId = :incidentId");
            params = params.and("incidentId", UUID.fromString(incidentId));
        }
        if (site != null) {
            where.add("siteId = :site");
            params = params.and("site", site);
        }
        PanacheQuery<Debrief> query = Debrief.find(String.join(" and ", where),
                Sort.ascending("deadline").and("id"), params);
        List<DebriefView> items = query.page(Page.of(page, size)).list().stream().map(DebriefView::of).toList();
        return new DebriefPage(items, page, size, query.count());
    }
}

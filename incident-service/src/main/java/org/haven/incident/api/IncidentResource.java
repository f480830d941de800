package org.haven.incident.api;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentReporting;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentReporting reporting;

    IncidentResource(IncidentReporting reporting) {
        this.reporting = reporting;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@NotNull(message = "a JSON body is required") @Valid ReportIncidentRequest request, @Context UriInfo uri) {
        Incident incident = reporting.report(new IncidentReporting.Report(request.siteId(), request.type(), request.severity(),
                request.occurredAt(), request.summary(), request.reporterId(), request.involvedStaffIds(), request.witnessIds(),
                request.clientCodes()));
        return Response.created(uri.getAbsolutePathBuilder().path(incident.id.toString()).build())
                .entity(IncidentView.of(incident)).build();
    }

    @GET
    @Path("/{id}")
    public IncidentView get(@PathParam("id") UUID id) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            throw new NotFoundException("No incident " + id);
        }
        return IncidentView.of(incident);
    }

    @GET
    public IncidentPage list(@QueryParam("site") String site,
                             @QueryParam("critical") Boolean critical,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (site != null) {
            where.add("siteId = :site");
            params = params.and("site", site);
        }
        if (critical != null) {
            where.add("critical = :critical");
            params = params.and("critical", critical);
        }
        PanacheQuery<Incident> query = Incident.find(String.join(" and ", where), Sort.descending("reportedAt"), params);
        List<IncidentView> items = query.page(Page.of(page, size)).list().stream().map(IncidentView::of).toList();
        return new IncidentPage(items, page, size, query.count());
    }
}

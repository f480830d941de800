package org.haven.incident.api;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.haven.incident.domain.AuditEntry;
import org.haven.incident.domain.AuditTrail;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentAccess;
import org.haven.incident.domain.IncidentReporting;
import org.haven.security.HavenRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class IncidentResource {

    private final IncidentReporting reporting;
    private final IncidentAccess access;
    private final AuditTrail audit;

    IncidentResource(IncidentReporting reporting, IncidentAccess access, AuditTrail audit) {
        this.reporting = reporting;
        this.access = access;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@NotNull(message = "a JSON body is required") @Valid ReportIncidentRequest request, @Context UriInfo uri) {
        String reporterId = access.reporterFor(request.siteId(), request.reporterId());
        Incident incident = reporting.report(new IncidentReporting.Report(request.siteId(), request.type(), request.severity(),
                request.occurredAt(), request.summary(), reporterId, request.involvedStaffIds(), request.witnessIds(),
                request.clientCodes()), access.personId());
        return Response.created(uri.getAbsolutePathBuilder().path(incident.id.toString()).build())
                .entity(IncidentView.of(incident)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public IncidentView get(@PathParam("id") UUID id) {
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        audit.record(access.personId(), AuditEntry.Action.VIEWED, incident);
        return IncidentView.of(incident);
    }

    @GET
    @Transactional
    public IncidentPage list(@QueryParam("site") String site,
                             @QueryParam("critical") Boolean critical,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (access.seesWholeSites()) {
            Set<String> sites = access.visibleSites();
            if (sites.isEmpty()) {
                return new IncidentPage(List.of(), page, size, 0);
            }
            where.add("siteId in :sites");
            params = params.and("sites", sites);
        } else {
            where.add("reporterId = :me");
            params = params.and("me", access.personId());
        }
        if (site != null) {
            where.add("siteId = :site");
            params = params.and("site", site);
        }
        if (critical != null) {
            where.add("critical = :critical");
            params = params.and("critical", critical);
        }
        PanacheQuery<Incident> query = Incident.find(String.join(" and ", where), Sort.descending("reportedAt"), params);
        List<Incident> incidents = query.page(Page.of(page, size)).list();
        audit.recordAll(access.personId(), AuditEntry.Action.LISTED, incidents);
        return new IncidentPage(incidents.stream().map(IncidentView::of).toList(), page, size, query.count());
    }
}

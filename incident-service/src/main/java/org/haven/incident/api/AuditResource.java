package org.haven.incident.api;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.haven.incident.domain.AuditEntry;
import org.haven.security.HavenRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The incident audit trail, for admins. Read-only: there is no way to change it through the service. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(HavenRole.ADMIN)
public class AuditResource {

    public record AuditView(Instant at, String actorId, AuditEntry.Action action, UUID incidentId, String siteId, String detail) {
    }

    public record AuditPage(List<AuditView> items, int page, int size, long total) {
    }

    @GET
    public AuditPage list(@QueryParam("incidentId") UUID incidentId,
                          @QueryParam("actorId") String actorId,
                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (incidentId != null) {
            where.add("incidentId = :incident");
            params = params.and("incident", incidentId);
        }
        if (actorId != null) {
            where.add("actorId = :actor");
            params = params.and("actor", actorId);
        }
        var query = AuditEntry.<AuditEntry>find(String.join(" and ", where), Sort.ascending("at", "id"), params);
        List<AuditView> items = query.page(Page.of(page, size)).list().stream()
                .map(e -> new AuditView(e.at, e.actorId, e.action, e.incidentId, e.siteId, e.detail)).toList();
        return new AuditPage(items, page, size, query.count());
    }
}

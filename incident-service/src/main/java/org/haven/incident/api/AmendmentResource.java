package org.haven.incident.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.incident.domain.Amendment;
import org.haven.incident.domain.AuditEntry;
import org.haven.incident.domain.AuditTrail;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentAccess;
import org.haven.incident.domain.IncidentAmendments;
import org.haven.security.HavenRole;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Corrections to a submitted report, oldest first. Anyone who may read the report may amend it. */
@Path("/api/incidents/{id}/amendments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class AmendmentResource {

    /** Why the report is corrected, and the corrected facts in words (e.g. "occurred at 21:40, not 22:40"). */
    public record AmendmentRequest(@NotBlank @Size(max = 2_000) String reason,
                                   @NotBlank @Size(max = 10_000) String correction) {
    }

    public record AmendmentView(UUID id, UUID incidentId, String authorId, Instant amendedAt, String reason, String correction) {
        static AmendmentView of(Amendment a) {
            return new AmendmentView(a.id, a.incidentId, a.authorId, a.amendedAt, a.reason, a.correction);
        }
    }

    private final IncidentAccess access;
    private final IncidentAmendments amendments;
    private final AuditTrail audit;

    AmendmentResource(IncidentAccess access, IncidentAmendments amendments, AuditTrail audit) {
        this.access = access;
        this.amendments = amendments;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response amend(@PathParam("id") UUID id, @NotNull(message = "a JSON body is required") @Valid AmendmentRequest request) {
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        Amendment amendment = amendments.amend(incident, access.personId(), request.reason(), request.correction());
        return Response.status(Response.Status.CREATED).entity(AmendmentView.of(amendment)).build();
    }

    @GET
    @Transactional
    public List<AmendmentView> list(@PathParam("id") UUID id) {
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        audit.record(access.personId(), AuditEntry.Action.VIEWED, incident);
        return Amendment.of(id).stream().map(AmendmentView::of).toList();
    }
}

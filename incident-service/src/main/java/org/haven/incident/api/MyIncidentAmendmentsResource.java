package org.haven.incident.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.haven.incident.domain.IncidentType;
import org.haven.security.HavenRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the phone's "add someone who was there" page talks to (session cookie, as {@link MyReportsResource}): who the
 * report and its amendments already name, and the amendment adding people or correcting the last sighting. The same
 * amendment as {@code POST /api/incidents/{id}/amendments}, with the same rules.
 */
@Path("/app/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class MyIncidentAmendmentsResource {

    /** Who a report names so far: no narrative, no client codes. */
    public record WhoWasThere(UUID id, String siteId, IncidentType type, Instant occurredAt, String reporterId,
                              List<String> involvedStaffIds, List<String> witnessIds) {
    }

    private final IncidentAccess access;
    private final IncidentAmendments amendments;
    private final AuditTrail audit;

    MyIncidentAmendmentsResource(IncidentAccess access, IncidentAmendments amendments, AuditTrail audit) {
        this.access = access;
        this.amendments = amendments;
        this.audit = audit;
    }

    @GET
    @Path("/people")
    @Transactional
    public WhoWasThere people(@PathParam("id") UUID id) {
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        audit.record(access.personId(), AuditEntry.Action.VIEWED, incident);
        Set<String> involved = new LinkedHashSet<>(incident.involvedStaffIds);
        Set<String> witnesses = new LinkedHashSet<>(incident.witnessIds);
        for (Amendment amendment : Amendment.of(id)) {
            involved.addAll(amendment.addedInvolvedStaffIds);
            witnesses.addAll(amendment.addedWitnessIds);
        }
        witnesses.removeAll(involved);
        return new WhoWasThere(incident.id, incident.siteId, incident.type, incident.occurredAt, incident.reporterId,
                new ArrayList<>(involved), new ArrayList<>(witnesses));
    }

    @POST
    @Path("/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response amend(@HeaderParam(MyReportsResource.SCRIPT_HEADER) String requestedWith, @PathParam("id") UUID id,
                          @NotNull(message = "a JSON body is required") @Valid AmendmentResource.AmendmentRequest request) {
        if (requestedWith == null || requestedWith.isBlank()) {
            throw new ForbiddenException("The page sends amendments with the " + MyReportsResource.SCRIPT_HEADER + " header");
        }
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        Amendment amendment = amendments.amend(incident, access.personId(), request.toChange());
        return Response.status(Response.Status.CREATED).entity(AmendmentResource.AmendmentView.of(amendment)).build();
    }
}

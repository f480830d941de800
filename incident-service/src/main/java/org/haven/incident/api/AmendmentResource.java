package org.haven.incident.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.haven.incident.domain.IncidentReporting;
import org.haven.security.HavenRole;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Corrections to a submitted report, oldest first. Anyone who may read the report may amend it. */
@Path("/api/incidents/{id}/amendments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class AmendmentResource {

    /**
     * Why the report is corrected, and what: the corrected facts in words (e.g. "occurred at 21:40, not 22:40"), people
     * who were there and are not on the report yet, and corrected last-seen details of a missing client. At least one
     * of them ({@link SomethingAmended}); the people must work at the incident's site.
     */
    @SomethingAmended
    public record AmendmentRequest(@NotBlank @Size(max = 2_000) String reason,
                                   @Size(max = 10_000) String correction,
                                   @Size(max = 50) List<@NotBlank @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String> addedInvolvedStaffIds,
                                   @Size(max = 50) List<@NotBlank @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String> addedWitnessIds,
                                   @Valid ReportIncidentRequest.LastSeen lastSeen) {

        public AmendmentRequest {
            correction = correction == null || correction.isBlank() ? null : correction;
            addedInvolvedStaffIds = addedInvolvedStaffIds == null ? List.of() : addedInvolvedStaffIds;
            addedWitnessIds = addedWitnessIds == null ? List.of() : addedWitnessIds;
        }

        /** The two-field correction every client sent before people and last-seen details could be amended. */
        public AmendmentRequest(String reason, String correction) {
            this(reason, correction, null, null, null);
        }

        public IncidentAmendments.Change toChange() {
            return new IncidentAmendments.Change(reason, correction, addedInvolvedStaffIds, addedWitnessIds,
                    lastSeen == null ? null : new IncidentReporting.LastSeen(lastSeen.at(), lastSeen.place(), lastSeen.clothing()));
        }
    }

    public record LastSeenView(Instant at, String place, String clothing) {
    }

    public record AmendmentView(UUID id, UUID incidentId, String authorId, Instant amendedAt, String reason, String correction,
                                List<String> addedInvolvedStaffIds, List<String> addedWitnessIds, LastSeenView lastSeen) {
        public static AmendmentView of(Amendment a) {
            return new AmendmentView(a.id, a.incidentId, a.authorId, a.amendedAt, a.reason, a.correction,
                    a.addedInvolvedStaffIds, a.addedWitnessIds,
                    a.lastSeenAt == null ? null : new LastSeenView(a.lastSeenAt, a.lastSeenPlace, a.lastSeenClothing));
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
        Amendment amendment = amendments.amend(incident, access.personId(), request.toChange());
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

package org.haven.incident.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.incident.domain.AuditEntry;
import org.haven.incident.domain.AuditTrail;
import org.haven.incident.domain.ExternalNotification;
import org.haven.incident.domain.ExternalNotificationChecklist;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentAccess;
import org.haven.security.HavenRole;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The required external notifications of an incident, by deadline, and who made each one. */
@Path("/api/incidents/{id}/checklist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({HavenRole.STAFF, HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class ChecklistResource {

    public record ChecklistItemView(UUID id, String ruleId, String jurisdiction, String recipient, String instructions,
                                    Instant dueAt, boolean overdue, String doneBy, Instant doneAt) {
        static ChecklistItemView of(ExternalNotification item, Instant now) {
            return new ChecklistItemView(item.id, item.ruleId, item.jurisdiction, item.recipient, item.instructions, item.dueAt,
                    !item.isDone() && !now.isBefore(item.dueAt), item.doneBy, item.doneAt);
        }
    }

    private final IncidentAccess access;
    private final ExternalNotificationChecklist checklist;
    private final AuditTrail audit;
    private final Clock clock;

    ChecklistResource(IncidentAccess access, ExternalNotificationChecklist checklist, AuditTrail audit, Clock clock) {
        this.access = access;
        this.checklist = checklist;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the incident requires is read from the report itself, so the read is audited like the report's. */
    @GET
    @Transactional
    public List<ChecklistItemView> list(@PathParam("id") UUID id) {
        Incident incident = readable(id);
        audit.record(access.personId(), AuditEntry.Action.VIEWED, incident);
        Instant now = clock.instant();
        return ExternalNotification.of(id).stream().map(item -> ChecklistItemView.of(item, now)).toList();
    }

    /** Records that the caller made this notification, now. Repeating it changes nothing. */
    @POST
    @Path("/{itemId}/done")
    @Transactional
    public ChecklistItemView done(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        Incident incident = readable(id);
        ExternalNotification item = ExternalNotification.findById(itemId);
        if (item == null || !item.incidentId.equals(id)) {
            throw new NotFoundException("No checklist item " + itemId + " on incident " + id);
        }
        return ChecklistItemView.of(checklist.markDone(incident, item, access.personId()), clock.instant());
    }

    private Incident readable(UUID id) {
        Incident incident = Incident.findById(id);
        access.requireReadable(incident, "No incident " + id);
        return incident;
    }
}

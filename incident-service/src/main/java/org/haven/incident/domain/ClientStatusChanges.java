package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Records a missing client's hand-over to police or return, in order, audited. It publishes nothing: no other
 * service acts on it, and what the supervisor records stays with the incident.
 */
@ApplicationScoped
public class ClientStatusChanges {

    /** A change that does not follow from what is already recorded. */
    public static class OutOfOrder extends RuntimeException {
        OutOfOrder(String message) {
            super(message);
        }
    }

    private final AuditTrail audit;
    private final Clock clock;

    ClientStatusChanges(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Only a missing client has a status to record. */
    public static boolean applies(Incident incident) {
        return incident.type == IncidentType.ELOPEMENT;
    }

    /**
     * Records {@code status} now. Recording the status the client already has changes nothing (a second tap); a
     * change after the client's return, or a return recorded twice over a hand-over, is refused.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StatusChange record(Incident incident, ClientStatus status, String personId) {
        if (!applies(incident)) {
            throw new OutOfOrder("Only a missing client's incident has a return or hand-over to record");
        }
        List<StatusChange> recorded = StatusChange.of(incident.id);
        for (StatusChange change : recorded) {
            if (change.status == status) {
                return change;
            }
        }
        if (recorded.stream().anyMatch(change -> change.status == ClientStatus.RETURNED)) {
            throw new OutOfOrder("The client's return is already recorded; nothing follows it");
        }
        StatusChange change = new StatusChange();
        change.id = UUID.randomUUID();
        change.incidentId = incident.id;
        change.status = status;
        change.recordedBy = personId;
        change.recordedAt = clock.instant();
        change.persist();
        audit.record(personId, AuditEntry.Action.STATUS_CHANGED, incident);
        return change;
    }
}

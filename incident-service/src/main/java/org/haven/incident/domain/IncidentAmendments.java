package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.incident.messaging.IncidentEvents;

import java.time.Clock;
import java.util.UUID;

/** Appends a correction to a report, audits it and announces it, in one transaction. */
@ApplicationScoped
public class IncidentAmendments {

    private final AuditTrail audit;
    private final IncidentEvents events;
    private final Clock clock;

    IncidentAmendments(AuditTrail audit, IncidentEvents events, Clock clock) {
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Amendment amend(Incident incident, String authorId, String reason, String correction) {
        Amendment amendment = new Amendment();
        amendment.id = UUID.randomUUID();
        amendment.incidentId = incident.id;
        amendment.authorId = authorId;
        amendment.amendedAt = clock.instant();
        amendment.reason = reason;
        amendment.correction = correction;
        amendment.persist();
        audit.record(authorId, AuditEntry.Action.AMENDED, incident);
        events.amended(incident, amendment);
        return amendment;
    }
}

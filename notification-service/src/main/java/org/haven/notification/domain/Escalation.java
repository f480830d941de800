package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import org.haven.events.IncidentReported;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Paging the escalation chain of one critical incident's site until someone takes charge. It keeps
 * only what an alert may show a human: site, incident type and time.
 */
@Entity
public class Escalation extends PanacheEntityBase {

    @Id
    public UUID incidentId;
    public String siteId;
    public String incidentType;
    public Instant occurredAt;
    public Instant startedAt;
    @Enumerated(EnumType.STRING)
    public EscalationStatus status;
    public int levelReached;
    public String acknowledgedBy;
    public Instant acknowledgedAt;

    static Escalation start(IncidentReported incident, Instant now) {
        Escalation escalation = new Escalation();
        escalation.incidentId = incident.incidentId();
        escalation.siteId = incident.siteId();
        escalation.incidentType = incident.incidentType();
        escalation.occurredAt = incident.occurredAt();
        escalation.startedAt = now;
        escalation.status = EscalationStatus.PAGING;
        escalation.levelReached = 1;
        return escalation;
    }

    /** Reads the escalation with a row lock: acknowledging and firing a level of it never interleave. */
    static Optional<Escalation> locked(UUID incidentId) {
        return Optional.ofNullable(getEntityManager().find(Escalation.class, incidentId, LockModeType.PESSIMISTIC_WRITE));
    }

    public boolean isPaging() {
        return status == EscalationStatus.PAGING;
    }
}

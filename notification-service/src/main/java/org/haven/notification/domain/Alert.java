package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One person's alert about one critical incident. It keeps only what an alert may show a human
 * (site, incident type, time), never the incident's clients, people or narrative.
 */
@Entity
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID incidentId;
    public String siteId;
    public String incidentType;
    public Instant occurredAt;
    /** Null only when {@link AlertStatus#UNROUTABLE}. */
    public String recipientId;
    @Enumerated(EnumType.STRING)
    public AlertStatus status;
    public Instant raisedAt;
    /** The level of the escalation chain that first paged this recipient. */
    public int escalationLevel;
    public String acknowledgedBy;
    public Instant acknowledgedAt;

    static Alert raised(Escalation escalation, String recipientId, int level, Instant now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.incidentId = escalation.incidentId;
        alert.siteId = escalation.siteId;
        alert.incidentType = escalation.incidentType;
        alert.occurredAt = escalation.occurredAt;
        alert.raisedAt = now;
        alert.escalationLevel = level;
        alert.recipientId = recipientId;
        alert.status = AlertStatus.RAISED;
        return alert;
    }

    static Alert unroutable(Escalation escalation, Instant now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.incidentId = escalation.incidentId;
        alert.siteId = escalation.siteId;
        alert.incidentType = escalation.incidentType;
        alert.occurredAt = escalation.occurredAt;
        alert.raisedAt = now;
        alert.escalationLevel = 1;
        alert.status = AlertStatus.UNROUTABLE;
        return alert;
    }

    static Optional<Alert> of(UUID incidentId, String recipientId) {
        return find("incidentId = ?1 and recipientId = ?2", incidentId, recipientId).firstResultOptional();
    }

    static List<Alert> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 and recipientId is not null order by raisedAt, recipientId", incidentId);
    }

    void acknowledged(String by, Instant at) {
        status = AlertStatus.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgedAt = at;
    }

    static boolean exists(UUID incidentId, String recipientId) {
        return recipientId == null
                ? count("incidentId = ?1 and recipientId is null", incidentId) > 0
                : count("incidentId = ?1 and recipientId = ?2", incidentId, recipientId) > 0;
    }
}

package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.haven.events.IncidentReported;

import java.time.Instant;
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

    static Alert raised(IncidentReported incident, String recipientId, Instant now) {
        Alert alert = of(incident, now);
        alert.recipientId = recipientId;
        alert.status = AlertStatus.RAISED;
        return alert;
    }

    static Alert unroutable(IncidentReported incident, Instant now) {
        Alert alert = of(incident, now);
        alert.status = AlertStatus.UNROUTABLE;
        return alert;
    }

    static boolean exists(UUID incidentId, String recipientId) {
        return recipientId == null
                ? count("incidentId = ?1 and recipientId is null", incidentId) > 0
                : count("incidentId = ?1 and recipientId = ?2", incidentId, recipientId) > 0;
    }

    private static Alert of(IncidentReported incident, Instant now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.incidentId = incident.incidentId();
        alert.siteId = incident.siteId();
        alert.incidentType = incident.incidentType();
        alert.occurredAt = incident.occurredAt();
        alert.raisedAt = now;
        return alert;
    }
}

package org.haven.incident.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One read or change of an incident. Written once, never changed (the table refuses it). */
@Entity
@Immutable
@Table(name = "incident_audit")
public class AuditEntry extends PanacheEntityBase {

    public enum Action {
        REPORTED,
        VIEWED,
        LISTED,
        AMENDED,
        NOTIFICATION_DONE,
        /** A missing client's hand-over to police or return was recorded ({@code ClientStatusChanges}). */
        STATUS_CHANGED,
        /** The retention purge removed records; {@code detail} says which kinds, how many and the cutoff. */
        PURGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String actorId;
    @Enumerated(EnumType.STRING)
    public Action action;
    public UUID incidentId;
    public String siteId;
    public String detail;
}

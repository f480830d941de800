package org.haven.incident.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One recorded change of a missing client's status: what, who recorded it, when. Never changed (the table refuses it). */
@Entity
@Immutable
@Table(name = "incident_status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID incidentId;
    @Enumerated(EnumType.STRING)
    public ClientStatus status;
    public String recordedBy;
    public Instant recordedAt;

    /** In the order they were recorded. */
    public static List<StatusChange> of(UUID incidentId) {
        return list("incidentId = ?1 order by recordedAt, id", incidentId);
    }
}

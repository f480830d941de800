package org.haven.incident.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A correction to a submitted report: who, when, why, and what the corrected facts are. Never changed. */
@Entity
@Immutable
@Table(name = "incident_amendment")
public class Amendment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID incidentId;
    public String authorId;
    public Instant amendedAt;
    public String reason;
    public String correction;

    public static List<Amendment> of(UUID incidentId) {
        return list("incidentId = ?1 order by amendedAt, id", incidentId);
    }
}

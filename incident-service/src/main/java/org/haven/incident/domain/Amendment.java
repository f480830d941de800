package org.haven.incident.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A correction to a submitted report: who, when, why, and what — the corrected facts in words, people who were there
 * and were not on the report (only those new to it), corrected last-seen details. Never changed.
 */
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
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> addedInvolvedStaffIds = List.of();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> addedWitnessIds = List.of();
    public Instant lastSeenAt;
    public String lastSeenPlace;
    public String lastSeenClothing;

    public static List<Amendment> of(UUID incidentId) {
        return list("incidentId = ?1 order by amendedAt, id", incidentId);
    }

    /** Everyone the report and its amendments name as involved or witness, each once. */
    public static java.util.Set<String> everyoneNamed(Incident incident) {
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        named.add(incident.reporterId);
        named.addAll(incident.involvedStaffIds);
        named.addAll(incident.witnessIds);
        for (Amendment amendment : of(incident.id)) {
            named.addAll(amendment.addedInvolvedStaffIds);
            named.addAll(amendment.addedWitnessIds);
        }
        return named;
    }
}

package org.haven.incident.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A submitted incident report. Never updated once stored. */
@Entity
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;
    public String siteId;
    @Enumerated(EnumType.STRING)
    public IncidentType type;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public Instant occurredAt;
    public Instant reportedAt;
    public String summary;
    public String reporterId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> involvedStaffIds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> witnessIds;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> clientCodes;
    public boolean critical;
    public String criticalityRule;
    public String location;
    public String injuries;
    public String immediateActions;
    public Instant lastSeenAt;
    public String lastSeenPlace;
    public String lastSeenClothing;
    public boolean riskMinor;
    public boolean riskTrafficking;
    public boolean riskMedicalNeeds;
    public String searchSteps;
    /** The submitter's key for this report: a retried submission finds this row instead of adding one. */
    public UUID idempotencyKey;

    /** A fixed query string, so Hibernate translates it once rather than on each submission. */
    public static Incident findByIdempotencyKey(UUID key) {
        return getEntityManager().createQuery("from Incident i where i.idempotencyKey = :key", Incident.class)
                .setParameter("key", key)
                .getResultStream().findFirst().orElse(null);
    }
}

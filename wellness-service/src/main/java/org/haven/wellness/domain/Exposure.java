package org.haven.wellness.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** That one staff member was exposed to one critical incident: the unit of a person's cumulative dose. */
@Entity
@IdClass(Exposure.Key.class)
public class Exposure extends PanacheEntityBase {

    @Id
    public String staffId;
    @Id
    public UUID incidentId;
    public String siteId;
    /** When the incident happened, which is what a rolling window counts by. */
    public Instant occurredAt;
    public Instant recordedAt;

    static Exposure of(String staffId, UUID incidentId, String siteId, Instant occurredAt, Instant now) {
        Exposure exposure = new Exposure();
        exposure.staffId = staffId;
        exposure.incidentId = incidentId;
        exposure.siteId = siteId;
        exposure.occurredAt = occurredAt;
        exposure.recordedAt = now;
        return exposure;
    }

    public static class Key implements Serializable {

        public String staffId;
        public UUID incidentId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(staffId, key.staffId) && Objects.equals(incidentId, key.incidentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(staffId, incidentId);
        }
    }
}

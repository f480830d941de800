package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** One paid shift of a staff member at a site. */
@Entity
public class Shift extends PanacheEntityBase {

    @Id
    public UUID id;
    public String staffId;
    public String siteId;
    public Instant startsAt;
    public Instant endsAt;

    public TimeSpan span() {
        return new TimeSpan(startsAt, endsAt);
    }
}

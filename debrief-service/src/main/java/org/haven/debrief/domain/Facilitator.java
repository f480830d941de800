package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import java.io.Serializable;

/** A staff member trained to facilitate restorative circles, and a site whose debriefs they may run. */
@Entity
@IdClass(Facilitator.Key.class)
public class Facilitator extends PanacheEntityBase {

    @Id
    public String siteId;
    @Id
    public String staffId;

    public record Key(String siteId, String staffId) implements Serializable {
    }
}

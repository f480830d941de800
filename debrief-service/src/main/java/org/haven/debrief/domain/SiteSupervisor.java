package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Who supervises a site and so attends its debriefs. */
@Entity
public class SiteSupervisor extends PanacheEntityBase {

    @Id
    public String siteId;
    public String supervisorId;
}

package org.haven.incident.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One item of an incident's required external notifications checklist. */
@Entity
public class ExternalNotification extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID incidentId;
    public String siteId;
    public String incidentType;
    public String jurisdiction;
    public String ruleId;
    public String recipient;
    public String instructions;
    public Instant dueAt;
    public String doneBy;
    public Instant doneAt;
    /** The agency's number for the call (police report number, NCMEC case number); null when none was given. */
    public String reference;
    /** Who recorded the call, when someone else made it; null when the one who made it recorded it. */
    public String recordedBy;
    public Instant overdueAnnouncedAt;

    public static List<ExternalNotification> of(UUID incidentId) {
        return list("incidentId = ?1 order by dueAt, ruleId", incidentId);
    }

    public boolean isDone() {
        return doneAt != null;
    }
}

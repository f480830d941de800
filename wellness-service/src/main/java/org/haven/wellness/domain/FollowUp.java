package org.haven.wellness.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/**
 * One check-in owed to one staff member after one critical incident. Holds whether and when it is due,
 * never what the person answered.
 */
@Entity
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID incidentId;
    public String siteId;
    public String staffId;
    @Enumerated(EnumType.STRING)
    public FollowUpKind kind;
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public FollowUpStatus status;
    public Instant createdAt;
    public Instant completedAt;
    /** When the staff member was told this self check-in is due; set once, so it is announced once. */
    public Instant dueAnnouncedAt;

    static FollowUp open(UUID incidentId, String siteId, String staffId, FollowUpKind kind, Instant dueAt, Instant now) {
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.incidentId = incidentId;
        followUp.siteId = siteId;
        followUp.staffId = staffId;
        followUp.kind = kind;
        followUp.dueAt = dueAt;
        followUp.status = FollowUpStatus.OPEN;
        followUp.createdAt = now;
        return followUp;
    }

    public boolean isOpen() {
        return status == FollowUpStatus.OPEN;
    }

    void complete(Instant now) {
        status = FollowUpStatus.COMPLETED;
        completedAt = now;
    }
}

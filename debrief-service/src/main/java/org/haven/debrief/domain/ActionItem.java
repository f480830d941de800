package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** An action the circle agreed on, with its owner and due date. */
@Entity
public class ActionItem extends PanacheEntityBase {

    public enum Status {
        OPEN, DONE,
        /** Handed on to another forum (a team meeting, the next supervision): no longer this debrief's to close. */
        CARRIED;

        public boolean isSettled() {
            return this != OPEN;
        }
    }

    @Id
    public UUID id;
    public UUID debriefId;
    public String description;
    public String ownerId;
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant createdAt;
    /** The due date the owner was reminded of ahead of time; differs from {@link #dueOn} once the date moves. */
    public LocalDate remindedFor;
    /** The due date the owner was told had passed unfinished. */
    public LocalDate overdueNoticedFor;

    /** The action is due until its date ends in the program's time zone. */
    public Instant dueAt(ZoneId zone) {
        return dueOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public static List<ActionItem> of(UUID debriefId) {
        return list("debriefId = ?1 order by dueOn, createdAt, id", debriefId);
    }

    static ActionItem agreed(UUID debriefId, AgreedAction action, Instant now) {
        ActionItem item = new ActionItem();
        item.id = UUID.randomUUID();
        item.debriefId = debriefId;
        item.description = action.description().strip();
        item.ownerId = action.ownerId();
        item.dueOn = action.dueOn();
        item.status = Status.OPEN;
        item.createdAt = now;
        return item;
    }
}

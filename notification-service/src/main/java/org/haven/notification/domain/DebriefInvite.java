package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the last invite for a debrief said. A reschedule or cancellation does not repeat all of it
 * (the incident type, the slot), and an event older than what was already sent is not sent again.
 */
@Entity
public class DebriefInvite extends PanacheEntityBase {

    @Id
    public UUID debriefId;
    public String calendarUid;
    public String siteId;
    public String incidentType;
    public int sequence;
    public Instant deadline;
    public Instant startsAt;
    public Instant endsAt;
    public String facilitatorId;
    public String participantIds;
    public boolean cancelled;

    public List<String> participants() {
        return participantIds == null || participantIds.isEmpty() ? List.of() : Arrays.asList(participantIds.split(","));
    }

    public void participants(List<String> ids) {
        participantIds = String.join(",", ids);
    }

    /** Everyone the invite goes to: the facilitator first, then the participants, each once. */
    public List<String> invitees() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        if (facilitatorId != null) {
            ids.add(facilitatorId);
        }
        ids.addAll(participants());
        return List.copyOf(ids);
    }

    public boolean hasSlot() {
        return startsAt != null && endsAt != null;
    }
}

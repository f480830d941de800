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
    /** The participants the last invite told the slot falls outside their shift. */
    public String uncoveredIds = "";
    public boolean cancelled;

    public List<String> participants() {
        return participantIds == null || participantIds.isEmpty() ? List.of() : Arrays.asList(participantIds.split(","));
    }

    public void participants(List<String> ids) {
        participantIds = String.join(",", ids);
    }

    public List<String> uncovered() {
        return uncoveredIds == null || uncoveredIds.isEmpty() ? List.of() : Arrays.asList(uncoveredIds.split(","));
    }

    public void uncovered(List<String> ids) {
        uncoveredIds = String.join(",", ids);
    }

    /** What the invite says as it stands, to compare with what a later event makes it say. */
    public InviteTerms terms() {
        return new InviteTerms(startsAt, endsAt, facilitatorId, hasSlot() ? null : deadline, cancelled, invitees(), uncovered());
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

package org.haven.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mandatory restorative debrief exists for one or more incidents and must be held before
 * {@code deadline}. {@code calendarUid} and {@code sequence} are the invite's iCalendar UID and SEQUENCE:
 * every reschedule or cancellation repeats the UID with a higher SEQUENCE.
 *
 * @param incidentId          the incident that opened the debrief
 * @param startsAt            the proposed slot; null when no slot could be found yet
 * @param uncoveredParticipantIds required participants who are off shift in the proposed slot (flagged, never hidden)
 */
public record DebriefScheduled(
        UUID debriefId,
        UUID incidentId,
        String siteId,
        String incidentType,
        Instant deadline,
        Instant startsAt,
        Instant endsAt,
        String facilitatorId,
        List<String> participantIds,
        List<String> uncoveredParticipantIds,
        String calendarUid,
        int sequence) {

    public DebriefScheduled {
        participantIds = Lists.frozen(participantIds);
        uncoveredParticipantIds = Lists.frozen(uncoveredParticipantIds);
    }
}

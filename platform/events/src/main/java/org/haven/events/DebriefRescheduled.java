package org.haven.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A debrief moved to a new slot, or gained participants (another incident joined the circle). Why it moved is
 * free text someone typed and stays in debrief-service (dataversion 1 carried it as {@code reason}; reading a v1
 * event ignores it).
 */
public record DebriefRescheduled(
        UUID debriefId,
        String siteId,
        Instant deadline,
        Instant startsAt,
        Instant endsAt,
        String facilitatorId,
        List<String> participantIds,
        List<String> uncoveredParticipantIds,
        List<UUID> incidentIds,
        String calendarUid,
        int sequence) {

    public DebriefRescheduled {
        participantIds = Lists.frozen(participantIds);
        uncoveredParticipantIds = Lists.frozen(uncoveredParticipantIds);
        incidentIds = Lists.frozen(incidentIds);
    }
}

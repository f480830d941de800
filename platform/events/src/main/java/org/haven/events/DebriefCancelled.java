package org.haven.events;

import java.util.List;
import java.util.UUID;

/** A debrief's invite is withdrawn (same calendar UID, higher SEQUENCE, iCalendar STATUS:CANCELLED). */
public record DebriefCancelled(
        UUID debriefId,
        String siteId,
        List<String> participantIds,
        String reason,
        String calendarUid,
        int sequence) {

    public DebriefCancelled {
        participantIds = Lists.frozen(participantIds);
    }
}

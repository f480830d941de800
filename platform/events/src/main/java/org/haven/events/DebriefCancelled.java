package org.haven.events;

import java.util.List;
import java.util.UUID;

/**
 * A debrief's invite is withdrawn (same calendar UID, higher SEQUENCE, iCalendar STATUS:CANCELLED). Why is free
 * text and stays in debrief-service (dataversion 1 carried it as {@code reason}; reading a v1 event ignores it).
 */
public record DebriefCancelled(
        UUID debriefId,
        String siteId,
        List<String> participantIds,
        String calendarUid,
        int sequence) {

    public DebriefCancelled {
        participantIds = Lists.frozen(participantIds);
    }
}

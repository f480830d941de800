package org.haven.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A mandatory restorative debrief now exists for an incident and must be held before {@code deadline}. */
public record DebriefScheduled(
        UUID debriefId,
        UUID incidentId,
        String siteId,
        String incidentType,
        Instant deadline,
        List<String> participantIds) {

    public DebriefScheduled {
        participantIds = Lists.frozen(participantIds);
    }
}

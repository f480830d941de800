package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/** Every agreed action of a held debrief is done or carried forward. */
public record DebriefClosed(
        UUID debriefId,
        String siteId,
        Instant closedAt) {
}

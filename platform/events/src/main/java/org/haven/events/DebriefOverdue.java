package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/** A debrief's deadline passed and it was not held: notification-service tells the program director. */
public record DebriefOverdue(
        UUID debriefId,
        UUID incidentId,
        String siteId,
        String incidentType,
        Instant deadline) {
}

package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/** A private self check-in is due: notification-service tells the staff member, during their shift only. */
public record CheckInDue(
        UUID followUpId,
        String staffId,
        String siteId,
        String kind,
        Instant dueAt) {
}

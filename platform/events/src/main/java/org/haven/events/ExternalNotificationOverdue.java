package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A required external notification (law enforcement, guardian or placing agency, licensing agency…)
 * was not recorded as done by its deadline: notification-service alerts the site supervisor.
 */
public record ExternalNotificationOverdue(
        UUID incidentId,
        String siteId,
        String incidentType,
        UUID itemId,
        String recipient,
        Instant dueAt) {
}

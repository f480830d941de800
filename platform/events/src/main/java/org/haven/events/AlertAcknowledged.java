package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/** Someone took charge of a critical incident's alert; escalation stops and everyone notified is told who. */
public record AlertAcknowledged(
        UUID incidentId,
        String siteId,
        String acknowledgedBy,
        Instant acknowledgedAt,
        int escalationLevel) {
}

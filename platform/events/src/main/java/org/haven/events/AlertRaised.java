package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/** A supervisor was alerted to a critical incident. */
public record AlertRaised(
        UUID alertId,
        UUID incidentId,
        String siteId,
        String recipientId,
        Instant raisedAt) {
}

package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/** A wellness follow-up was opened for a staff member exposed to a critical incident. Carries no answers. */
public record FollowUpOpened(
        UUID followUpId,
        UUID incidentId,
        String siteId,
        String staffId,
        String kind,
        Instant dueAt) {
}

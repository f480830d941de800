package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/** A correction was appended to a submitted report (reports themselves are never edited). No narrative. */
public record IncidentAmended(
        UUID incidentId,
        String siteId,
        UUID amendmentId,
        String authorId,
        Instant amendedAt) {
}

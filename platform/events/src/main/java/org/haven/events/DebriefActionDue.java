package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An agreed action from a debrief is coming due (reminder) or has passed its due date unfinished
 * ({@code overdue}): notification-service reminds its owner. The action's text stays in debrief-service;
 * the notice links to it.
 */
public record DebriefActionDue(
        UUID debriefId,
        UUID actionItemId,
        String siteId,
        String ownerId,
        Instant dueAt,
        boolean overdue) {
}

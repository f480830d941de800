package org.haven.events;

import java.time.Instant;
import java.util.UUID;

/** A staff member asked, privately, for a conversation with their supervisor: the only wellness signal that reaches them. */
public record ConversationRequested(
        UUID requestId,
        String staffId,
        String siteId,
        Instant requestedAt) {
}

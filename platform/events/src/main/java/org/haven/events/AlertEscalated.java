package org.haven.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** No one acknowledged in time: the next level of the site's escalation chain was paged. */
public record AlertEscalated(
        UUID incidentId,
        String siteId,
        int escalationLevel,
        List<String> recipientIds,
        Instant escalatedAt) {

    public AlertEscalated {
        recipientIds = Lists.frozen(recipientIds);
    }
}

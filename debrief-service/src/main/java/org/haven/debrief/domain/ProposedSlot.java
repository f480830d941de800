package org.haven.debrief.domain;

import java.time.Instant;
import java.util.List;

/**
 * A time for the circle, and the required participants who are off shift then. An empty
 * {@code uncoveredIds} means every required participant is on shift for the whole slot.
 */
public record ProposedSlot(Instant startsAt, Instant endsAt, List<String> coveredIds, List<String> uncoveredIds) {

    public ProposedSlot {
        coveredIds = List.copyOf(coveredIds);
        uncoveredIds = List.copyOf(uncoveredIds);
    }

    public boolean coversEveryone() {
        return uncoveredIds.isEmpty();
    }

    public boolean endsBy(Instant deadline) {
        return !endsAt.isAfter(deadline);
    }
}

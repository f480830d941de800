package org.haven.debrief.domain;

import java.util.Optional;

/** Who facilitates a circle and when it meets; no slot when none of the minimum length fits before the deadline. */
public record CirclePlan(String facilitatorId, Optional<ProposedSlot> slot) {
}

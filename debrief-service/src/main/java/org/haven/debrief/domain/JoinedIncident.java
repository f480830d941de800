package org.haven.debrief.domain;

import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.UUID;

/** A critical incident a debrief covers: the one that opened it, and any of the same team that joined it. */
@Embeddable
public record JoinedIncident(UUID incidentId, String incidentType, Instant reportedAt) {
}

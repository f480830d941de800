package org.haven.debrief.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A staff member who must attend a debrief, and in which role. */
@Embeddable
public record Participant(String staffId, @Enumerated(EnumType.STRING) ParticipantRole role) {
}

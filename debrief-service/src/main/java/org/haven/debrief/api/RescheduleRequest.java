package org.haven.debrief.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** A new slot for a debrief; without {@code startsAt} the roster's best slot from now is proposed. */
public record RescheduleRequest(Instant startsAt, @NotBlank @Size(max = 500) String reason) {
}

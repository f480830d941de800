package org.haven.debrief.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;

public record ShiftRequest(@NotBlank @Size(max = 100) String staffId,
                           @NotBlank @Size(max = 100) String siteId,
                           @NotNull Instant startsAt,
                           @NotNull Instant endsAt) {

    @AssertTrue(message = "a shift ends after it starts and lasts at most 24 hours")
    public boolean isPlausible() {
        return startsAt == null || endsAt == null
                || endsAt.isAfter(startsAt) && Duration.between(startsAt, endsAt).compareTo(Duration.ofHours(24)) <= 0;
    }
}

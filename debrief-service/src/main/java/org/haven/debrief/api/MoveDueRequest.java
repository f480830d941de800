package org.haven.debrief.api;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record MoveDueRequest(@NotNull LocalDate dueOn) {
}

package org.haven.debrief.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SupervisorRequest(@NotBlank @Size(max = 100) String supervisorId) {
}

package org.haven.debrief.domain;

import java.time.LocalDate;

public record AgreedAction(String description, String ownerId, LocalDate dueOn) {
}

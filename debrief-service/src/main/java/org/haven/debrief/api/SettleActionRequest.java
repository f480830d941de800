package org.haven.debrief.api;

import jakarta.validation.constraints.NotNull;
import org.haven.debrief.domain.ActionItem;

public record SettleActionRequest(@NotNull ActionItem.Status status) {
}

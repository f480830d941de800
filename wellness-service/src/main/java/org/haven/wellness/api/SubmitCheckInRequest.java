package org.haven.wellness.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.Map;
import java.util.UUID;

/**
 * A self check-in: answers per instrument id, each a map of item id to the chosen value. The short
 * wellbeing check is required; other offered instruments are optional.
 */
public record SubmitCheckInRequest(
        @NotNull UUID followUpId,
        @NotEmpty Map<String, @NotNull Map<String, @NotNull Integer>> answers,
        boolean requestConversation) {
}

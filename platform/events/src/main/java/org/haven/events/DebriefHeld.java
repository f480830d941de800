package org.haven.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The circle took place. Carries attendance only; what anyone shared never leaves debrief-service. */
public record DebriefHeld(
        UUID debriefId,
        String siteId,
        Instant heldAt,
        List<String> attendeeIds,
        List<String> absentRequiredIds) {

    public DebriefHeld {
        attendeeIds = Lists.frozen(attendeeIds);
        absentRequiredIds = Lists.frozen(absentRequiredIds);
    }
}

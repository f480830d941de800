package org.haven.debrief.domain;

import java.util.List;
import java.util.Set;

/** What the facilitator records when the circle has met: who came, what they chose to write, what was agreed. */
public record CircleOutcome(Set<String> attendeeIds, CircleNotes notes, List<AgreedAction> actions) {

    public CircleOutcome {
        attendeeIds = Set.copyOf(attendeeIds);
        notes = notes == null ? CircleNotes.none() : notes;
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}

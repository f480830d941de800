package org.haven.debrief.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.haven.debrief.domain.AgreedAction;
import org.haven.debrief.domain.CircleNotes;
import org.haven.debrief.domain.CircleOutcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The circle has met: who came, what the facilitator chose to write in each section (all optional — sharing
 * is voluntary), and the actions agreed.
 */
public record HoldRequest(@NotNull Set<@NotBlank @Size(max = 100) String> attendeeIds,
                          @Valid Notes notes,
                          @Size(max = 50) List<@NotNull @Valid Action> actions) {

    public record Notes(@Size(max = 4000) String opening,
                        @Size(max = 4000) String whatHappened,
                        @Size(max = 4000) String reactions,
                        @Size(max = 4000) String whatHelped,
                        @Size(max = 4000) String sharedValues,
                        @Size(max = 4000) String supportNeeds) {
    }

    public record Action(@NotBlank @Size(max = 500) String description,
                         @NotBlank @Size(max = 100) String ownerId,
                         @NotNull LocalDate dueOn) {
    }

    CircleOutcome outcome() {
        CircleNotes written = notes == null ? CircleNotes.none() : new CircleNotes(notes.opening(), notes.whatHappened(),
                notes.reactions(), notes.whatHelped(), notes.sharedValues(), notes.supportNeeds());
        List<AgreedAction> agreed = actions == null ? List.of()
                : actions.stream().map(a -> new AgreedAction(a.description(), a.ownerId(), a.dueOn())).toList();
        return new CircleOutcome(attendeeIds, written, agreed);
    }
}

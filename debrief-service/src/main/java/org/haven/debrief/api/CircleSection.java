package org.haven.debrief.api;

import org.haven.debrief.domain.CircleNotes;

import java.util.List;

/** One part of the restorative circle on the facilitator page: its form field, title, prompt and what was written. */
public record CircleSection(String field, String title, String prompt, String written) {

    static List<CircleSection> of(CircleNotes notes) {
        return List.of(
                new CircleSection("opening", "Opening and check-in",
                        "Welcome; the purpose of the circle; how is everyone arriving today?", notes.opening()),
                new CircleSection("whatHappened", "What happened — the facts",
                        "What happened, in order, without blame or judgement.", notes.whatHappened()),
                new CircleSection("reactions", "Reactions and impact",
                        "What did people think and feel then, and since? Who has been affected?", notes.reactions()),
                new CircleSection("whatHelped", "What helped and what did not",
                        "What worked in the response; what got in the way.", notes.whatHelped()),
                new CircleSection("sharedValues", "Shared values and purpose",
                        "What matters to us as a team; why we do this work.", notes.sharedValues()),
                new CircleSection("supportNeeds", "Support needs",
                        "What does each person need now — from the team, from supervision, from outside?", notes.supportNeeds()));
    }
}

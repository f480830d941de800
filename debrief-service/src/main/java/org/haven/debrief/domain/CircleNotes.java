package org.haven.debrief.domain;

/**
 * The restorative circle's sections, as far as the facilitator chose to write them down. Every section is
 * optional: sharing in the circle is voluntary, and so is recording it.
 */
public record CircleNotes(String opening, String whatHappened, String reactions, String whatHelped, String sharedValues,
                          String supportNeeds) {

    public static CircleNotes none() {
        return new CircleNotes(null, null, null, null, null, null);
    }
}

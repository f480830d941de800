package org.haven.debrief.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A staff member invited to a debrief, in which role, whether policy makes them required, whether the
 * proposed slot lies inside their shift, and (once held) whether they came.
 */
@Embeddable
public record Participant(String staffId, @Enumerated(EnumType.STRING) ParticipantRole role, boolean required,
                          boolean onShift, Boolean attended) {

    public static Participant invited(String staffId, ParticipantRole role, boolean required) {
        return new Participant(staffId, role, required, false, null);
    }

    Participant withOnShift(boolean onShift) {
        return new Participant(staffId, role, required, onShift, attended);
    }

    Participant withAttended(boolean attended) {
        return new Participant(staffId, role, required, onShift, attended);
    }
}

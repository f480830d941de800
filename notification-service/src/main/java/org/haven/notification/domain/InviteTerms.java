package org.haven.notification.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a debrief's invite tells the people in it: the slot, who holds it, the deadline when there is no
 * slot yet (only then does the text show it), whether it is withdrawn, who is in it and who is told the
 * slot falls outside their shift. A reschedule is news only to those for whom one of these changed:
 * nobody wants an "updated invite" for a meeting that did not change.
 */
public record InviteTerms(Instant startsAt, Instant endsAt, String facilitatorId, Instant deadlineShown, boolean cancelled,
                          List<String> invitees, List<String> uncovered) {

    /** The invitees of {@code next} who must hear of it, having read this version; in invite order. */
    public Set<String> newsIn(InviteTerms next) {
        boolean meetingChanged = !Objects.equals(startsAt, next.startsAt) || !Objects.equals(endsAt, next.endsAt)
                || !Objects.equals(facilitatorId, next.facilitatorId) || !Objects.equals(deadlineShown, next.deadlineShown)
                || cancelled != next.cancelled;
        Set<String> told = new LinkedHashSet<>();
        for (String id : next.invitees) {
            if (meetingChanged || !invitees.contains(id) || uncovered.contains(id) != next.uncovered.contains(id)) {
                told.add(id);
            }
        }
        return told;
    }

    /** Whether {@code id} is new to this debrief in {@code next}: theirs is a first invite, not an update. */
    public boolean joins(String id, InviteTerms next) {
        return !invitees.contains(id) && next.invitees.contains(id);
    }
}

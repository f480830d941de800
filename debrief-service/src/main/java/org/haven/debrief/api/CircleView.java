package org.haven.debrief.api;

import org.haven.debrief.domain.ActionItem;
import org.haven.debrief.domain.CircleNotes;
import org.haven.debrief.domain.CircleRecord;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefStatus;
import org.haven.debrief.domain.MakeUpConversation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A held circle as its facilitator and the site's supervisors see it. */
public record CircleView(UUID debriefId, DebriefStatus status, Instant heldAt, List<String> attendeeIds,
                         List<String> absentRequiredIds, CircleNotes notes, List<ActionView> actions,
                         List<MakeUpView> makeUpConversations) {

    public record ActionView(UUID id, String description, String ownerId, LocalDate dueOn, ActionItem.Status status) {
        static ActionView of(ActionItem item) {
            return new ActionView(item.id, item.description, item.ownerId, item.dueOn, item.status);
        }
    }

    public record MakeUpView(String staffId, MakeUpConversation.Status status) {
    }

    static CircleView of(Debrief debrief) {
        CircleRecord record = CircleRecord.findById(debrief.id);
        return new CircleView(debrief.id, debrief.status, debrief.heldAt,
                debrief.participants.stream().filter(p -> Boolean.TRUE.equals(p.attended())).map(p -> p.staffId()).toList(),
                debrief.heldAt == null ? List.of() : debrief.absentRequiredIds(),
                record == null ? CircleNotes.none() : record.notes(),
                ActionItem.of(debrief.id).stream().map(ActionView::of).toList(),
                MakeUpConversation.of(debrief.id).stream().map(m -> new MakeUpView(m.staffId, m.status)).toList());
    }
}

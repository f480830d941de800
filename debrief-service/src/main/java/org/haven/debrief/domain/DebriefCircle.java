package org.haven.debrief.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import org.haven.debrief.messaging.DebriefEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The circle and what follows it: holding it (attendance, the facilitator's record, agreed actions, a
 * make-up conversation for each required participant who missed it) and closing the debrief once every
 * action is done or carried forward.
 */
@ApplicationScoped
public class DebriefCircle {

    private final DebriefEvents events;
    private final MeterRegistry metrics;
    private final Clock clock;

    DebriefCircle(DebriefEvents events, MeterRegistry metrics, Clock clock) {
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public Debrief hold(Debrief debrief, CircleOutcome outcome, String facilitatorId) {
        if (!debrief.status.isUpcoming()) {
            throw new DebriefStateException("Debrief " + debrief.id + " is " + debrief.status.name().toLowerCase()
                    + " and cannot be held");
        }
        List<String> strangers = outcome.attendeeIds().stream().filter(id -> !debrief.participantIds().contains(id)
                && !id.equals(debrief.facilitatorId)).toList();
        if (!strangers.isEmpty()) {
            throw new BadRequestException("Not invited to this debrief: " + String.join(", ", strangers));
        }
        Instant now = clock.instant();
        debrief.recordAttendance(outcome.attendeeIds());
        debrief.heldAt = now;
        debrief.status = DebriefStatus.HELD;
        CircleRecord.of(debrief.id, outcome.notes(), facilitatorId, now).persist();
        outcome.actions().forEach(action -> ActionItem.agreed(debrief.id, action, now).persist());
        debrief.absentRequiredIds().forEach(absent -> MakeUpConversation.owedTo(debrief.id, absent, now).persist());
        if (!now.isAfter(debrief.deadline)) {
            metrics.counter("haven.debrief.deadline.met", "site", debrief.siteId).increment();
        }
        events.held(debrief);
        closeIfSettled(debrief, outcome.actions().isEmpty() ? List.of() : ActionItem.of(debrief.id));
        return debrief;
    }

    @Transactional
    public ActionItem settle(Debrief debrief, UUID actionId, ActionItem.Status status) {
        ActionItem item = ActionItem.<ActionItem>find("id = ?1 and debriefId = ?2", actionId, debrief.id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No action " + actionId));
        if (debrief.status == DebriefStatus.CLOSED) {
            throw new DebriefStateException("Debrief " + debrief.id + " is closed");
        }
        item.status = status;
        closeIfSettled(debrief, ActionItem.of(debrief.id));
        return item;
    }

    /** Moves an open action's due date; its reminder and overdue notice then follow the new date. */
    @Transactional
    public ActionItem moveDue(Debrief debrief, UUID actionId, LocalDate dueOn) {
        ActionItem item = ActionItem.<ActionItem>find("id = ?1 and debriefId = ?2", actionId, debrief.id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No action " + actionId));
        if (item.status.isSettled()) {
            throw new DebriefStateException("Action " + actionId + " is " + item.status.name().toLowerCase() + ": its due date no longer moves");
        }
        item.dueOn = dueOn;
        return item;
    }

    @Transactional
    public MakeUpConversation completeMakeUp(Debrief debrief, String staffId) {
        MakeUpConversation conversation = MakeUpConversation.<MakeUpConversation>find("debriefId = ?1 and staffId = ?2",
                        debrief.id, staffId).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No make-up conversation for " + staffId));
        conversation.status = MakeUpConversation.Status.DONE;
        return conversation;
    }

    private void closeIfSettled(Debrief debrief, List<ActionItem> actions) {
        if (debrief.status == DebriefStatus.HELD && actions.stream().allMatch(a -> a.status.isSettled())) {
            debrief.status = DebriefStatus.CLOSED;
            debrief.closedAt = clock.instant();
            events.closed(debrief);
        }
    }
}

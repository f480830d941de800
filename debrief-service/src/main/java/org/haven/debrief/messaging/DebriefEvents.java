package org.haven.debrief.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.debrief.domain.ActionItem;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.Participant;
import org.haven.events.DebriefActionDue;
import org.haven.events.DebriefCancelled;
import org.haven.events.DebriefClosed;
import org.haven.events.DebriefHeld;
import org.haven.events.DebriefOverdue;
import org.haven.events.DebriefRescheduled;
import org.haven.events.DebriefScheduled;
import org.haven.events.EventType;
import org.haven.events.HavenEvents;
import org.haven.messaging.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Turns debrief state changes into events, keyed by the debrief, in the caller's transaction. The
 * facilitator travels in {@code facilitatorId}, not among the participants; a facilitator off shift in the
 * proposed slot is named among the uncovered participants. Nothing anyone typed travels: why a debrief moved or was
 * cancelled stays on the debrief.
 */
@ApplicationScoped
public class DebriefEvents {

    private final Outbox outbox;
    private final String source;
    private final Clock clock;

    DebriefEvents(Outbox outbox, @ConfigProperty(name = "haven.source") String source, Clock clock) {
        this.outbox = outbox;
        this.source = source;
        this.clock = clock;
    }

    public void scheduled(Debrief debrief) {
        publish(HavenEvents.DEBRIEF_SCHEDULED, debrief, debrief.createdAt, new DebriefScheduled(debrief.id, debrief.incidentId,
                debrief.siteId, debrief.incidentType, debrief.deadline, debrief.startsAt, debrief.endsAt, debrief.facilitatorId,
                debrief.participantIds(), debrief.uncoveredIds(), debrief.calendarUid, debrief.sequence));
    }

    public void rescheduled(Debrief debrief) {
        publish(HavenEvents.DEBRIEF_RESCHEDULED, debrief, clock.instant(), new DebriefRescheduled(debrief.id, debrief.siteId,
                debrief.deadline, debrief.startsAt, debrief.endsAt, debrief.facilitatorId, debrief.participantIds(),
                debrief.uncoveredIds(), debrief.incidentIds(), debrief.calendarUid, debrief.sequence));
    }

    public void cancelled(Debrief debrief) {
        publish(HavenEvents.DEBRIEF_CANCELLED, debrief, clock.instant(), new DebriefCancelled(debrief.id, debrief.siteId,
                debrief.participantIds(), debrief.calendarUid, debrief.sequence));
    }

    public void overdue(Debrief debrief) {
        publish(HavenEvents.DEBRIEF_OVERDUE, debrief, debrief.overdueAt, new DebriefOverdue(debrief.id, debrief.incidentId,
                debrief.siteId, debrief.incidentType, debrief.deadline));
    }

    public void held(Debrief debrief) {
        List<String> attendees = debrief.participants.stream().filter(p -> Boolean.TRUE.equals(p.attended()))
                .map(Participant::staffId).toList();
        List<String> absentRequired = debrief.participants.stream()
                .filter(p -> p.required() && !Boolean.TRUE.equals(p.attended())).map(Participant::staffId).toList();
        publish(HavenEvents.DEBRIEF_HELD, debrief, debrief.heldAt, new DebriefHeld(debrief.id, debrief.siteId, debrief.heldAt,
                attendees, absentRequired));
    }

    public void closed(Debrief debrief) {
        publish(HavenEvents.DEBRIEF_CLOSED, debrief, debrief.closedAt, new DebriefClosed(debrief.id, debrief.siteId,
                debrief.closedAt));
    }

    /** The owner's reminder (or, with {@code overdue}, notice of the passed due date); the action's text stays here. */
    public void actionDue(ActionItem item, String siteId, Instant dueAt, boolean overdue) {
        outbox.publish(HavenEvents.DEBRIEF_ACTION_DUE, source, item.debriefId.toString(), clock.instant(),
                new DebriefActionDue(item.debriefId, item.id, siteId, item.ownerId, dueAt, overdue));
    }

    private <T> void publish(EventType<T> type, Debrief debrief, Instant time, T data) {
        outbox.publish(type, source, debrief.id.toString(), time, data);
    }
}

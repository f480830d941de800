package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.events.DebriefActionDue;
import org.haven.events.DebriefCancelled;
import org.haven.events.DebriefOverdue;
import org.haven.events.DebriefRescheduled;
import org.haven.events.DebriefScheduled;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;


/**
 * Notices from debrief-service's events: the calendar invite to everyone taking part in a debrief
 * (and every update or cancellation of it, same UID, the event's SEQUENCE), the overdue debrief to the
 * site's program directors, and the reminder of an agreed action to its owner. A reschedule goes only to
 * those whose invite it changes ({@link InviteTerms}): another incident joining a debrief whose slot,
 * facilitator and people stay the same sends nobody an "updated" invite.
 */
@ApplicationScoped
public class DebriefNotices {

    private static final Logger LOG = Logger.getLogger(DebriefNotices.class);
    private static final Set<NoticeKind> INVITES = Set.of(NoticeKind.DEBRIEF_INVITE, NoticeKind.DEBRIEF_UPDATED, NoticeKind.DEBRIEF_CANCELLED);

    private final Directory directory;
    private final Notices notices;
    private final NoticeTexts texts;
    private final Clock clock;

    DebriefNotices(Directory directory, Notices notices, NoticeTexts texts, Clock clock) {
        this.directory = directory;
        this.notices = notices;
        this.texts = texts;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onScheduled(String eventId, DebriefScheduled scheduled) {
        DebriefInvite invite = DebriefInvite.findById(scheduled.debriefId());
        if (invite != null && invite.sequence > scheduled.sequence()) {
            LOG.infof("Debrief %s: invite %d already sent, scheduled event %d ignored", scheduled.debriefId(), invite.sequence, scheduled.sequence());
            return;
        }
        boolean first = invite == null;
        if (first) {
            invite = new DebriefInvite();
            invite.debriefId = scheduled.debriefId();
        }
        invite.calendarUid = scheduled.calendarUid();
        invite.siteId = scheduled.siteId();
        invite.incidentType = scheduled.incidentType();
        invite.sequence = scheduled.sequence();
        invite.deadline = scheduled.deadline();
        invite.startsAt = scheduled.startsAt();
        invite.endsAt = scheduled.endsAt();
        invite.facilitatorId = scheduled.facilitatorId();
        invite.participants(scheduled.participantIds());
        invite.uncovered(scheduled.uncoveredParticipantIds());
        invite.cancelled = false;
        if (first) {
            invite.persist();
        }
        invite(eventId, invite, Set.copyOf(invite.invitees()), id -> NoticeKind.DEBRIEF_INVITE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onRescheduled(String eventId, DebriefRescheduled rescheduled) {
        DebriefInvite invite = DebriefInvite.findById(rescheduled.debriefId());
        if (invite != null && invite.sequence > rescheduled.sequence()) {
            LOG.infof("Debrief %s: invite %d already sent, reschedule %d ignored", rescheduled.debriefId(), invite.sequence, rescheduled.sequence());
            return;
        }
        boolean first = invite == null;
        if (first) {
            // The first invite never reached us (a directory added later, a topic compacted): start from this one.
            invite = new DebriefInvite();
            invite.debriefId = rescheduled.debriefId();
            invite.incidentType = "CRITICAL_INCIDENT";
        }
        InviteTerms before = first ? null : invite.terms();
        invite.calendarUid = rescheduled.calendarUid();
        invite.siteId = rescheduled.siteId();
        invite.sequence = rescheduled.sequence();
        invite.deadline = rescheduled.deadline();
        invite.startsAt = rescheduled.startsAt();
        invite.endsAt = rescheduled.endsAt();
        invite.facilitatorId = rescheduled.facilitatorId();
        invite.participants(rescheduled.participantIds());
        invite.uncovered(rescheduled.uncoveredParticipantIds());
        invite.cancelled = false;
        if (first) {
            invite.persist();
            invite(eventId, invite, Set.copyOf(invite.invitees()), id -> NoticeKind.DEBRIEF_UPDATED);
            return;
        }
        InviteTerms after = invite.terms();
        Set<String> news = before.newsIn(after);
        if (news.isEmpty()) {
            LOG.debugf("Debrief %s: reschedule %d changes nothing anyone's invite says, none sent", invite.debriefId, invite.sequence);
            return;
        }
        invite(eventId, invite, news, id -> before.joins(id, after) ? NoticeKind.DEBRIEF_INVITE : NoticeKind.DEBRIEF_UPDATED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCancelled(String eventId, DebriefCancelled cancelled) {
        DebriefInvite invite = DebriefInvite.findById(cancelled.debriefId());
        if (invite != null && invite.sequence > cancelled.sequence()) {
            LOG.infof("Debrief %s: invite %d already sent, cancellation %d ignored", cancelled.debriefId(), invite.sequence, cancelled.sequence());
            return;
        }
        boolean first = invite == null;
        if (first) {
            invite = new DebriefInvite();
            invite.debriefId = cancelled.debriefId();
            invite.incidentType = "CRITICAL_INCIDENT";
        }
        invite.calendarUid = cancelled.calendarUid();
        invite.siteId = cancelled.siteId();
        invite.sequence = cancelled.sequence();
        List<String> everyone = new ArrayList<>(invite.participants());
        cancelled.participantIds().stream().filter(id -> !everyone.contains(id)).forEach(everyone::add);
        invite.participants(everyone);
        invite.cancelled = true;
        if (first) {
            invite.persist();
        }
        Site site = site(invite.siteId);
        List<Person> invitees = people(invite);
        NoticeMessage message = texts.debriefCancelled(invite, site, invitees, clock.instant());
        for (Person person : invitees) {
            notices.notify(eventId, NoticeKind.DEBRIEF_CANCELLED, person, invite.siteId, invite.debriefId.toString(), message, INVITES);
        }
    }

    /** The program directors of the site: a debrief nobody held is theirs to see to, whatever the hour. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onOverdue(String eventId, DebriefOverdue overdue) {
        List<Person> directors = directory.withRole(overdue.siteId(), SiteRole.PROGRAM_DIRECTOR);
        if (directors.isEmpty()) {
            LOG.warnf("Debrief %s is overdue but site '%s' has no program director to tell", overdue.debriefId(), overdue.siteId());
        }
        NoticeMessage message = texts.debriefOverdue(overdue, site(overdue.siteId()));
        for (Person director : directors) {
            notices.notify(eventId, NoticeKind.DEBRIEF_OVERDUE, director, overdue.siteId(), overdue.debriefId().toString(), message);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onActionDue(String eventId, DebriefActionDue action) {
        Optional<Person> owner = directory.person(action.ownerId());
        if (owner.isEmpty()) {
            LOG.warnf("Debrief action %s is due but its owner is not in the directory", action.actionItemId());
            return;
        }
        notices.notify(eventId, NoticeKind.ACTION_DUE, owner.get(), action.siteId(), action.actionItemId().toString(),
                texts.actionDue(action, site(action.siteId())));
    }

    /**
     * Sends the invite as it now stands to the invitees in {@code told}: a first invite or an update, as
     * {@code kind} says of each. The .ics lists every invitee and is the same for all, so it is written once.
     */
    private void invite(String eventId, DebriefInvite invite, Set<String> told, Function<String, NoticeKind> kind) {
        Site site = site(invite.siteId);
        List<Person> invitees = people(invite);
        List<String> uncovered = invite.uncovered();
        String calendar = invite.hasSlot() ? texts.debriefCalendar(invite, site, invitees, clock.instant()) : null;
        NoticeMessage withoutSlot = invite.hasSlot() ? null : texts.debriefWithoutSlot(invite, site);
        for (Person person : invitees) {
            if (!told.contains(person.id)) {
                continue;
            }
            NoticeKind noticeKind = kind.apply(person.id);
            NoticeMessage message = invite.hasSlot()
                    ? texts.debriefInvite(invite, site, invitees, noticeKind == NoticeKind.DEBRIEF_UPDATED, uncovered.contains(person.id), calendar)
                    : withoutSlot;
            notices.notify(eventId, noticeKind, person, invite.siteId, invite.debriefId.toString(), message, INVITES);
        }
    }

    /** The invitees the directory knows; the log names the debrief, not who is missing (taking part implies exposure). */
    private List<Person> people(DebriefInvite invite) {
        List<Person> people = new ArrayList<>();
        for (String id : invite.invitees()) {
            directory.person(id).ifPresentOrElse(people::add,
                    () -> LOG.warnf("Debrief %s: an invitee is not in the directory, no invite sent to them", invite.debriefId));
        }
        return people;
    }

    private Site site(String siteId) {
        return directory.site(siteId).orElseGet(() -> Site.unlisted(siteId));
    }

}

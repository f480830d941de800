package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.events.CheckInDue;
import org.haven.events.ConversationRequested;
import org.haven.events.DebriefActionDue;
import org.haven.events.DebriefOverdue;
import org.haven.events.ExposureThresholdReached;
import org.haven.events.ExternalNotificationOverdue;
import org.haven.notification.config.NoticeConfig;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What each notice says. Like alerts, notices name the site, the kind of incident or task and the
 * time, and link to the page in Haven where the rest is; they never carry a client code, a client's
 * name or what happened. Events give them nothing else to carry. Support prompts about a staff member
 * are phrased as support for that person, never as a judgement of them, and carry no count or score.
 */
@ApplicationScoped
public class NoticeTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm z", Locale.ENGLISH);
    private static final String FOOTER = "This message leaves out every detail about the people involved. Find them in Haven.";

    private final NoticeConfig config;

    NoticeTexts(NoticeConfig config) {
        this.config = config;
    }

    /**
     * The .ics of a debrief with a slot. It is the same for everyone invited, so an event renders it once
     * and gives it to {@link #debriefInvite} for each of them.
     */
    public String debriefCalendar(DebriefInvite invite, Site site, List<Person> invitees, Instant now) {
        return calendar(invite, site, invitees, AlertMessage.readable(invite.incidentType), debriefLink(invite.debriefId)).request(now);
    }

    /** The invite for a debrief with a slot (new, moved or with new participants), with its .ics from {@link #debriefCalendar}. */
    public NoticeMessage debriefInvite(DebriefInvite invite, Site site, List<Person> invitees, boolean updated, boolean outsideShift,
                                       String calendar) {
        String type = AlertMessage.readable(invite.incidentType);
        String link = debriefLink(invite.debriefId);
        String subject = (updated ? "Updated: restorative debrief at " : "Restorative debrief at ") + site.name + ", "
                + time(invite.startsAt, site);
        String text = """
                %s

                What:      Restorative debrief after a critical incident (%s)
                Site:      %s
                When:      %s to %s
                Held by:   %s
                %s
                The calendar invite is attached. The debrief, who takes part and what to prepare:
                %s

                %s
                """.formatted(updated ? "The restorative debrief you are invited to has changed." : "You are invited to a restorative debrief.",
                type, site.name, time(invite.startsAt, site), clock(invite.endsAt, site), facilitatorName(invitees, invite),
                outsideShift ? "\nThis time falls outside your recorded shift; your supervisor has been told.\n" : "",
                link, FOOTER);
        String shortText = "Haven: restorative debrief at %s, %s. %s".formatted(site.name, shortTime(invite.startsAt, site), link);
        return new NoticeMessage(subject, text, shortText, calendar, "REQUEST");
    }

    /** A debrief that must be held, for which no slot could be found yet: no invite to attach. */
    public NoticeMessage debriefWithoutSlot(DebriefInvite invite, Site site) {
        String type = AlertMessage.readable(invite.incidentType);
        String link = debriefLink(invite.debriefId);
        String subject = "Restorative debrief at " + site.name + ": no time found yet";
        String text = """
                A restorative debrief after a critical incident (%s) at %s must be held%s, and you are to take part.

                No time when everyone is on shift could be found yet, so there is no calendar invite. Your
                supervisor will arrange one; you will get the invite as soon as there is a time.

                %s

                %s
                """.formatted(type, site.name, invite.deadline == null ? "" : " by " + time(invite.deadline, site), link, FOOTER);
        return NoticeMessage.plain(subject, text, "Haven: a restorative debrief at %s needs a time. %s".formatted(site.name, link));
    }

    public NoticeMessage debriefCancelled(DebriefInvite invite, Site site, List<Person> invitees, Instant now) {
        String type = AlertMessage.readable(invite.incidentType);
        String link = debriefLink(invite.debriefId);
        String when = invite.hasSlot() ? " on " + time(invite.startsAt, site) : "";
        String subject = "Cancelled: restorative debrief at " + site.name + (invite.hasSlot() ? ", " + time(invite.startsAt, site) : "");
        String text = """
                The restorative debrief at %s%s (after a critical incident: %s) is cancelled.
                The attached update removes it from your calendar.

                %s

                %s
                """.formatted(site.name, when, type, link, FOOTER);
        String shortText = "Haven: the restorative debrief at %s%s is cancelled. %s".formatted(site.name, when, link);
        String calendar = invite.hasSlot() ? calendar(invite, site, invitees, type, link).cancel(now) : null;
        return new NoticeMessage(subject, text, shortText, calendar, calendar == null ? null : "CANCEL");
    }

    public NoticeMessage debriefOverdue(DebriefOverdue overdue, Site site) {
        String type = AlertMessage.readable(overdue.incidentType());
        String link = debriefLink(overdue.debriefId());
        String subject = "Overdue: restorative debrief at " + site.name + " (" + type + ")";
        String text = """
                The mandatory restorative debrief after a critical incident at %s was not held by its deadline.

                Site:      %s
                Incident:  %s
                Deadline:  %s

                Please see that it is held. The debrief in Haven:
                %s

                %s
                """.formatted(site.name, site.name, type, time(overdue.deadline(), site), link, FOOTER);
        String shortText = "Haven: the restorative debrief at %s (%s) is overdue since %s. %s"
                .formatted(site.name, type, shortTime(overdue.deadline(), site), link);
        return NoticeMessage.plain(subject, text, shortText);
    }

    public NoticeMessage actionDue(DebriefActionDue action, Site site) {
        String link = debriefLink(action.debriefId()) + "#action-" + action.actionItemId();
        String subject = (action.overdue() ? "Overdue: " : "Reminder: ") + "an action you agreed at a debrief at " + site.name;
        String text = """
                %s

                Site:      %s
                Due:       %s

                What it is, and to mark it done:
                %s

                %s
                """.formatted(action.overdue() ? "An action you took on at a restorative debrief is past its due date."
                        : "An action you took on at a restorative debrief is coming due.",
                site.name, time(action.dueAt(), site), link, FOOTER);
        return NoticeMessage.plain(subject, text,
                "Haven: a debrief action at %s is %s %s. %s".formatted(site.name, action.overdue() ? "overdue since" : "due", shortTime(action.dueAt(), site), link));
    }

    public NoticeMessage checkInDue(CheckInDue due, Site site) {
        String link = base(config.wellnessUrl()) + "/app/wellness";
        String subject = "Your private check-in is ready";
        String text = """
                A private check-in is ready for you, after a critical incident at %s (due %s).

                It takes a few minutes. Only you can read your answers; no one else sees them.
                %s

                If you would rather talk to someone, the same page lists the support on offer.
                """.formatted(site.name, time(due.dueAt(), site), link);
        return NoticeMessage.plain(subject, text, "Haven: your private check-in is ready. " + link);
    }

    public NoticeMessage exposureSupport(ExposureThresholdReached reached, Site site, Person staff) {
        String link = base(config.wellnessUrl()) + "/app/wellness/site";
        String subject = "Support for " + staff.displayName + " at " + site.name;
        String text = """
                %s has been present at several critical incidents at %s recently (in the last %d days).

                This is not a judgement of their work: the weight of repeated incidents adds up, and support
                that arrives without having to ask for it helps. Please consider offering a conversation,
                time off, or a lighter caseload for a while.

                %s
                """.formatted(staff.displayName, site.name, reached.windowDays(), link);
        return NoticeMessage.plain(subject, text,
                "Haven: please consider offering %s support after recent incidents. %s".formatted(staff.displayName, link));
    }

    public NoticeMessage conversationRequested(ConversationRequested request, Site site, Person staff) {
        String link = base(config.wellnessUrl()) + "/app/wellness/site";
        String subject = staff.displayName + " would like a conversation with you";
        String text = """
                %s at %s has asked for a conversation with you (%s).

                Please find a time during their shift. They chose to ask; nothing else about them is shared.

                %s
                """.formatted(staff.displayName, site.name, time(request.requestedAt(), site), link);
        return NoticeMessage.plain(subject, text, "Haven: %s would like a conversation with you. %s".formatted(staff.displayName, link));
    }

    public NoticeMessage externalNotificationOverdue(ExternalNotificationOverdue overdue, Site site) {
        String type = AlertMessage.readable(overdue.incidentType());
        String link = base(config.incidentsUrl()) + "/app";
        String subject = "Overdue: external notification for a critical incident at " + site.name;
        String text = """
                A required notification about a critical incident at %s was not recorded as done by its deadline.

                Site:      %s
                Incident:  %s
                Notify:    %s
                Was due:   %s

                Make the notification, then mark it done in Haven:
                %s

                %s
                """.formatted(site.name, site.name, type, overdue.recipient(), time(overdue.dueAt(), site), link, FOOTER);
        String shortText = "Haven: overdue external notification (%s) for an incident at %s, due %s. %s"
                .formatted(overdue.recipient(), site.name, shortTime(overdue.dueAt(), site), link);
        return NoticeMessage.plain(subject, text, shortText);
    }

    private CalendarInvite calendar(DebriefInvite invite, Site site, List<Person> invitees, String type, String link) {
        List<CalendarInvite.Attendee> attendees = invitees.stream()
                .map(p -> new CalendarInvite.Attendee(p.displayName, p.email, p.id.equals(invite.facilitatorId)))
                .toList();
        return new CalendarInvite(invite.calendarUid, invite.sequence, invite.startsAt, invite.endsAt,
                "Restorative debrief at " + site.name,
                "The mandatory restorative debrief after a critical incident (" + type + ") at " + site.name
                        + ". Who takes part and what to prepare: " + link,
                site.name, link, new CalendarInvite.Attendee("Haven", config.organizerEmail(), false), attendees);
    }

    private String facilitatorName(List<Person> invitees, DebriefInvite invite) {
        return invitees.stream().filter(p -> p.id.equals(invite.facilitatorId)).map(p -> p.displayName).findFirst()
                .orElse("a trained facilitator");
    }

    private String debriefLink(UUID debriefId) {
        return base(config.debriefsUrl()) + "/app/debriefs/" + debriefId;
    }

    private static String time(Instant at, Site site) {
        return TIME.format(at.atZone(zone(site)));
    }

    private static String shortTime(Instant at, Site site) {
        return SHORT_TIME.format(at.atZone(zone(site)));
    }

    private static String clock(Instant at, Site site) {
        return DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH).format(at.atZone(zone(site)));
    }

    private static ZoneId zone(Site site) {
        return site.timeZone == null ? ZoneId.of("UTC") : site.zone();
    }

    private static String base(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package org.haven.notification.domain;

/**
 * A notice as its recipient reads it: an email (subject and text, and for a debrief a calendar
 * invite), or a text. {@code calendar} is an iCalendar object, {@code calendarMethod} its METHOD;
 * both are null when the notice carries no invite.
 */
public record NoticeMessage(String subject, String text, String shortText, String calendar, String calendarMethod) {

    public static NoticeMessage plain(String subject, String text, String shortText) {
        return new NoticeMessage(subject, text, shortText, null, null);
    }

    public boolean hasInvite() {
        return calendar != null;
    }
}

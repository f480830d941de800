package org.haven.notification.domain;

/**
 * What a notice is about. An urgent notice goes out at once on every channel, like a critical alert;
 * any other goes by email and waits for the recipient's next shift when they are off.
 */
public enum NoticeKind {
    DEBRIEF_INVITE(false),
    DEBRIEF_UPDATED(false),
    DEBRIEF_CANCELLED(false),
    DEBRIEF_OVERDUE(true),
    ACTION_DUE(false),
    CHECK_IN_DUE(false),
    EXPOSURE_SUPPORT(false),
    CONVERSATION_REQUESTED(false),
    EXTERNAL_NOTIFICATION_OVERDUE(true);

    private final boolean urgent;

    NoticeKind(boolean urgent) {
        this.urgent = urgent;
    }

    public boolean urgent() {
        return urgent;
    }
}

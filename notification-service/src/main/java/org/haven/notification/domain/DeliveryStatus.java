package org.haven.notification.domain;

public enum DeliveryStatus {
    /** Recorded with its alert, not yet attempted. */
    PENDING,
    /** A non-urgent notice held until the recipient's next shift starts ({@code nextAttemptAt}). */
    QUEUED,
    /** The last attempt failed; retried at {@code nextAttemptAt}, or given up when that is empty. */
    FAILED,
    /** The channel accepted the message. */
    SENT,
    /** Never sent: someone took charge of the incident before this page went out, or a newer notice replaced it. */
    CANCELLED
}

package org.haven.notification.domain;

public enum AlertStatus {
    /** A recipient has been chosen and is being told. */
    RAISED,
    /** Someone took charge of the incident (see {@code acknowledgedBy}); it is never paged again. */
    ACKNOWLEDGED,
    /** No one in the directory could be alerted for the incident's site; an administrator must act. */
    UNROUTABLE
}

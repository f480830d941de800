package org.haven.wellness.domain;

/** Whether a follow-up happened. This is all a supervisor ever learns about a self check-in. */
public enum FollowUpStatus {
    OPEN,
    COMPLETED
}

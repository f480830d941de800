package org.haven.wellness.domain;

public enum FollowUpKind {
    /** A conversation; the supervisor records only that it happened. */
    SUPERVISOR_CHECK_IN,
    SELF_CHECK_IN_72H,
    SELF_CHECK_IN_1_MONTH;

    /** A private check-in the staff member gives themselves, announced to them when due. */
    public boolean isSelfCheckIn() {
        return this != SUPERVISOR_CHECK_IN;
    }
}

package org.haven.wellness.domain;

public enum FollowUpKind {
    SUPERVISOR_CHECK_IN,
    SELF_CHECK_IN_72H,
    SELF_CHECK_IN_1_MONTH
}

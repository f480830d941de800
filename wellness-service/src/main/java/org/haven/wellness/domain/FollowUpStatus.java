package org.haven.wellness.domain;

public enum FollowUpStatus {
    OPEN
}

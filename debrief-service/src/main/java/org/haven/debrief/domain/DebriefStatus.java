package org.haven.debrief.domain;

public enum DebriefStatus {
    SCHEDULED
}

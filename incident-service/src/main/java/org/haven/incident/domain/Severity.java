package org.haven.incident.domain;

public enum Severity {
    LOW,
    MODERATE,
    HIGH,
    CRITICAL
}

package org.haven.incident.domain;

/** Whether an incident starts the critical response, and the policy rule that decided it. */
public record Criticality(boolean critical, String rule) {
}

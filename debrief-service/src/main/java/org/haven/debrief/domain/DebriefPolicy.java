package org.haven.debrief.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.debrief.config.DebriefPolicyConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decides by when an incident's debrief must be held. Deadlines per incident type are configuration;
 * licensing rules require the debrief within 24 hours of an elopement or a restraint, so no
 * configuration can push those two later than that.
 */
@ApplicationScoped
public class DebriefPolicy {

    private static final Map<String, Duration> LICENSING_LIMITS = Map.of(
            "ELOPEMENT", Duration.ofHours(24),
            "RESTRAINT", Duration.ofHours(24));

    private final Duration defaultDeadline;
    private final Map<String, Duration> deadlines = new HashMap<>();

    DebriefPolicy(DebriefPolicyConfig config) {
        this.defaultDeadline = config.defaultDeadline();
        // Environment variables arrive with lower-case keys; incident types are upper case.
        config.deadlines().forEach((type, deadline) -> deadlines.put(normalise(type), deadline));
    }

    /** How long after the report the debrief of an incident of this type must be held. */
    public Duration timeToDebrief(String incidentType) {
        String type = normalise(incidentType);
        Duration configured = deadlines.getOrDefault(type, defaultDeadline);
        Duration limit = LICENSING_LIMITS.get(type);
        return limit != null && limit.compareTo(configured) < 0 ? limit : configured;
    }

    public Instant deadline(String incidentType, Instant reportedAt) {
        return reportedAt.plus(timeToDebrief(incidentType));
    }

    private static String normalise(String incidentType) {
        return incidentType.trim().toUpperCase(Locale.ROOT);
    }
}

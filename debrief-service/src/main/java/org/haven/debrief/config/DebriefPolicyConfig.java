package org.haven.debrief.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "haven.debrief")
public interface DebriefPolicyConfig {

    /** How long after the report the debrief must be held, for an incident type without a deadline of its own. */
    @WithDefault("72h")
    Duration defaultDeadline();

    /**
     * Deadlines per incident type, keyed by the type name as incident-service publishes it
     * ({@code haven.debrief.deadlines.ELOPEMENT=24h}).
     */
    Map<String, Duration> deadlines();
}

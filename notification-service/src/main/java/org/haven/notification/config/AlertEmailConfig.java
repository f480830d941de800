package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "haven.notification.email")
public interface AlertEmailConfig {

    /** Where the Haven app is reached; alert emails link to an alert under it. */
    String appUrl();

    /** How often due and failed deliveries are looked for (commits in this process wake the sender at once). */
    @WithDefault("10s")
    Duration pollInterval();

    /** How long one SMTP send may take before it counts as failed. */
    @WithDefault("30s")
    Duration sendTimeout();

    Retry retry();

    interface Retry {
        /** Wait after the first failure; doubled after each further one, up to {@link #maxBackoff()}. */
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** Attempts before a delivery is left FAILED for good (an alert is still escalated by acknowledgement rules). */
        @WithDefault("12")
        int maxAttempts();
    }
}

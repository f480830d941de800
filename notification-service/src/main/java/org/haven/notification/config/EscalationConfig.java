package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "haven.notification.escalation")
public interface EscalationConfig {

    /** How often due escalation levels are looked for (and, at start, what came due while the service was down). */
    @WithDefault("5s")
    Duration pollInterval();

    /** For a site without a chain of its own: when its program directors are paged after its supervisors. */
    @WithDefault("10m")
    Duration directorAfter();

    /** The pause between the last level of a round and the first level of the next. */
    @WithDefault("5m")
    Duration repeatAfter();
}

package org.haven.debrief.domain;

import org.haven.debrief.config.DebriefPolicyConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DebriefPolicyTest {

    @Test
    void configurationCannotPushElopementOrRestraintPastTheLicensing24Hours() {
        DebriefPolicy policy = new DebriefPolicy(config(Duration.ofHours(72),
                Map.of("ELOPEMENT", Duration.ofHours(48), "SELF_HARM", Duration.ofHours(36))));

        assertThat(policy.timeToDebrief("ELOPEMENT")).isEqualTo(Duration.ofHours(24));
        assertThat(policy.timeToDebrief("RESTRAINT")).isEqualTo(Duration.ofHours(24));
        assertThat(policy.timeToDebrief("SELF_HARM")).isEqualTo(Duration.ofHours(36));
        assertThat(policy.timeToDebrief("POLICE_INVOLVEMENT")).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void configurationMayMakeEveryDeadlineShorter() {
        DebriefPolicy policy = new DebriefPolicy(config(Duration.ofHours(12), Map.of("restraint", Duration.ofHours(6))));

        assertThat(policy.timeToDebrief("ELOPEMENT")).isEqualTo(Duration.ofHours(12));
        assertThat(policy.timeToDebrief("RESTRAINT")).as("keys from environment variables arrive in lower case")
                .isEqualTo(Duration.ofHours(6));
    }

    private static DebriefPolicyConfig config(Duration defaultDeadline, Map<String, Duration> deadlines) {
        return new DebriefPolicyConfig() {
            @Override
            public Duration defaultDeadline() {
                return defaultDeadline;
            }

            @Override
            public Map<String, Duration> deadlines() {
                return deadlines;
            }
        };
    }
}

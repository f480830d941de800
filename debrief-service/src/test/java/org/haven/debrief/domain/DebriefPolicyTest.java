package org.haven.debrief.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.debrief.domain.ParticipantRole.INVOLVED_STAFF;
import static org.haven.debrief.domain.ParticipantRole.REPORTER;
import static org.haven.debrief.domain.ParticipantRole.SUPERVISOR;
import static org.haven.debrief.domain.ParticipantRole.WITNESS;

class DebriefPolicyTest {

    @Test
    void configurationCannotPushElopementOrRestraintPastTheLicensing24Hours() {
        DebriefPolicy policy = new DebriefPolicy(PolicyConfig.defaults().withDeadlines(Duration.ofHours(72),
                Map.of("ELOPEMENT", Duration.ofHours(48), "SELF_HARM", Duration.ofHours(36))));

        assertThat(policy.timeToDebrief("ELOPEMENT")).isEqualTo(Duration.ofHours(24));
        assertThat(policy.timeToDebrief("RESTRAINT")).isEqualTo(Duration.ofHours(24));
        assertThat(policy.timeToDebrief("SELF_HARM")).isEqualTo(Duration.ofHours(36));
        assertThat(policy.timeToDebrief("POLICE_INVOLVEMENT")).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void configurationMayMakeEveryDeadlineShorter() {
        DebriefPolicy policy = new DebriefPolicy(PolicyConfig.defaults().withDeadlines(Duration.ofHours(12),
                Map.of("restraint", Duration.ofHours(6))));

        assertThat(policy.timeToDebrief("ELOPEMENT")).isEqualTo(Duration.ofHours(12));
        assertThat(policy.timeToDebrief("RESTRAINT")).as("keys from environment variables arrive in lower case")
                .isEqualTo(Duration.ofHours(6));
    }

    @Test
    void minimumLengthIsSetPerIncidentTypeWithADefault() {
        DebriefPolicy policy = new DebriefPolicy(PolicyConfig.defaults().withMinimumLengths(Duration.ofMinutes(45),
                Map.of("sexual_harm_disclosure", Duration.ofMinutes(90))));

        assertThat(policy.minimumLength("SEXUAL_HARM_DISCLOSURE")).isEqualTo(Duration.ofMinutes(90));
        assertThat(policy.minimumLength("ELOPEMENT")).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void whoMustAttendIsSetPerIncidentTypeWithADefault() {
        DebriefPolicy policy = new DebriefPolicy(PolicyConfig.defaults().withAttendees(
                List.of(REPORTER, INVOLVED_STAFF, WITNESS, SUPERVISOR), Map.of("MEDICAL_EMERGENCY", List.of(REPORTER, SUPERVISOR))));

        assertThat(policy.requiredAttendees("ELOPEMENT")).containsExactlyInAnyOrder(REPORTER, INVOLVED_STAFF, WITNESS, SUPERVISOR);
        assertThat(policy.requiredAttendees("medical_emergency")).containsExactlyInAnyOrder(REPORTER, SUPERVISOR);
    }
}

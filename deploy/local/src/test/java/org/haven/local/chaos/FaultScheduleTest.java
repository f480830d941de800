package org.haven.local.chaos;

import org.haven.local.chaos.FaultSchedule.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultScheduleTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyRoundKillsEveryServiceAndInjectsEveryOtherKind(int rounds) {
        FaultSchedule schedule = FaultSchedule.rounds(rounds);

        for (String service : FaultSchedule.SERVICES) {
            assertThat(schedule.count(Kind.KILL, service)).as("kills of %s", service).isEqualTo(rounds);
        }
        assertThat(schedule.count(Kind.RESTART_KAFKA, null)).isGreaterThanOrEqualTo(1);
        assertThat(schedule.count(Kind.RESTART_POSTGRES, null)).isGreaterThanOrEqualTo(1);
        for (String service : FaultSchedule.REPLICATED) {
            assertThat(schedule.count(Kind.PAUSE, service)).as("pauses of %s", service).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void incidentServiceDiesFirstAndBeforeAnyOtherKill() {
        FaultSchedule schedule = FaultSchedule.rounds(2);

        assertThat(schedule.faults().get(0).describe()).isEqualTo("kill -9 incident-service");
        int lastIncidentKill = schedule.faults().lastIndexOf(new FaultSchedule.Fault(Kind.KILL, java.util.List.of("incident-service")));
        assertThat(schedule.faults().subList(0, lastIncidentKill))
                .noneMatch(f -> f.kind() == Kind.KILL && !f.targets().contains("incident-service"));
        assertThat(schedule.faults().get(1).kind()).as("the broker restarts while reports are still coming in").isEqualTo(Kind.RESTART_KAFKA);
    }

    @Test
    void noRoundsIsNoChaos() {
        assertThatThrownBy(() -> FaultSchedule.rounds(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

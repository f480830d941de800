package org.haven.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformClockTest {

    private static final Instant NOW = Instant.parse("2026-12-06T14:41:00Z");

    @Test
    void aChosenInstantBecomesOneShiftForEveryServiceAndTheTests() {
        PlatformClock clock = PlatformClock.from(Map.of("haven.clock.at", "2026-12-25T03:00:00Z")::get, NOW);

        assertThat(clock.shifted()).isTrue();
        assertThat(clock.shift()).isEqualTo(Duration.between(NOW, Instant.parse("2026-12-25T03:00:00Z")));
    }

    @Test
    void theServicesAndTheTestsThenSeeTheChosenInstantAsNow() {
        PlatformClock clock = PlatformClock.from(Map.of("haven.clock.at", "2026-12-25T03:00:00Z")::get, Instant.now());

        assertThat(Duration.between(Instant.parse("2026-12-25T03:00:00Z"), clock.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(clock.clock().instant()).isBetween(Instant.parse("2026-12-25T02:59:00Z"), Instant.parse("2026-12-25T03:01:00Z"));
    }

    @Test
    void anOffsetIsTakenAsItIsAndTheInstantWinsOverIt() {
        assertThat(PlatformClock.from(Map.of("haven.clock.offset", "PT-11H-41M")::get, NOW).shift())
                .isEqualTo(Duration.ofHours(-11).minusMinutes(41));
        assertThat(PlatformClock.from(Map.of("haven.clock.offset", "PT1H", "haven.clock.at", "2026-12-06T15:41:00Z")::get, NOW).shift())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withNothingSetItIsTheRealClock() {
        PlatformClock clock = PlatformClock.from(Map.<String, String>of()::get, NOW);

        assertThat(clock.shifted()).isFalse();
        assertThat(Duration.between(Instant.now(), clock.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aTimeThatIsNotOneIsRefusedWithWhatWouldBe() {
        assertThatThrownBy(() -> PlatformClock.from(Map.of("haven.clock.at", "25 December 03:00")::get, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-12-25T03:00:00Z");
    }
}

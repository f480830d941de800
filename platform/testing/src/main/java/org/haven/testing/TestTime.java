package org.haven.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;

/**
 * "Now" for a test's own fixtures (event times, report times): the real time or, when the suite is run at a
 * chosen instant ({@code -Dhaven.clock.at=2026-12-25T03:00:00Z}, {@code HAVEN_CLOCK_AT}) or shifted
 * ({@code haven.clock.offset}, an ISO-8601 duration), that time, so fixtures and the application's
 * {@link AdjustableClock} agree. Fixed once per test JVM.
 */
public final class TestTime {

    private static final Duration SHIFT = configuredShift();

    private TestTime() {
    }

    public static Instant now() {
        return Instant.now().plus(SHIFT);
    }

    static Duration shift() {
        return SHIFT;
    }

    private static Duration configuredShift() {
        var config = ConfigProvider.getConfig();
        return config.getOptionalValue("haven.clock.at", String.class).filter(at -> !at.isBlank())
                .map(at -> Duration.between(Instant.now(), Instant.parse(at.trim())))
                .or(() -> config.getOptionalValue("haven.clock.offset", String.class).filter(o -> !o.isBlank())
                        .map(offset -> Duration.parse(offset.trim())))
                .orElse(Duration.ZERO);
    }
}

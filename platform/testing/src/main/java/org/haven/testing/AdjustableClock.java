package org.haven.testing;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in every service's tests (it replaces the {@code @DefaultBean} clock): the
 * system clock unless a test pins it, so deadlines, escalations and due check-ins are tested without
 * sleeping. Inject it into the test and release it afterwards.
 *
 * <p>Unpinned, it can be started at a chosen instant ({@code haven.clock.at}, e.g.
 * {@code -Dhaven.clock.at=2026-12-25T03:00:00Z} or {@code HAVEN_CLOCK_AT}) or shifted
 * ({@code haven.clock.offset}, an ISO-8601 duration), so a whole test suite can be run at another hour,
 * weekday or date to prove that it does not depend on when it runs.
 */
@Singleton
public class AdjustableClock extends Clock {

    private final Duration shift = configuredShift();
    private volatile Instant pinned;

    public void pin(Instant instant) {
        pinned = instant;
    }

    public void release() {
        pinned = null;
    }

    private static Duration configuredShift() {
        var config = ConfigProvider.getConfig();
        return config.getOptionalValue("haven.clock.at", String.class).filter(at -> !at.isBlank())
                .map(at -> Duration.between(Instant.now(), Instant.parse(at.trim())))
                .or(() -> config.getOptionalValue("haven.clock.offset", String.class).filter(o -> !o.isBlank())
                        .map(offset -> Duration.parse(offset.trim())))
                .orElse(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant now = pinned;
        return now == null ? Clock.offset(Clock.system(zone), shift) : Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        Instant now = pinned;
        return now == null ? Instant.now().plus(shift) : now;
    }
}

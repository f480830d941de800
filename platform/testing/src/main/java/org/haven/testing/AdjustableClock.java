package org.haven.testing;

import jakarta.inject.Singleton;

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
 * <p>Unpinned, it runs at {@link TestTime#now()}: the real time, or the instant a run of the suite was
 * started at ({@code haven.clock.at}), so a whole suite can be run at another hour, weekday or date to
 * prove that it does not depend on when it runs.
 */
@Singleton
public class AdjustableClock extends Clock {

    private final Duration shift = TestTime.shift();
    private volatile Instant pinned;

    public void pin(Instant instant) {
        pinned = instant;
    }

    public void release() {
        pinned = null;
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

package org.haven.debrief;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system clock unless a test pins it to an instant. An alternative
 * with a priority, so it also wins over a clock that a shared test library may contribute.
 * TODO replace with org.haven.testing.AdjustableClock once that is in the installed haven-testing jar.
 */
@Singleton
@Alternative
@Priority(10)
public class AdjustableClock extends Clock {

    private volatile Instant pinned;

    void pin(Instant instant) {
        pinned = instant;
    }

    void release() {
        pinned = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant now = pinned;
        return now == null ? Clock.system(zone) : Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        Instant now = pinned;
        return now == null ? Instant.now() : now;
    }
}

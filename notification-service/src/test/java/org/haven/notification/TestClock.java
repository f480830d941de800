package org.haven.notification;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in these tests: the system clock unless a test pins it. An alternative with
 * a priority, so it is the one Clock bean whatever other test clocks are on the class path.
 */
@Singleton
@Alternative
@Priority(1)
public class TestClock extends Clock {

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

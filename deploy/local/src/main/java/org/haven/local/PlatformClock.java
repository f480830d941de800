package org.haven.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * The time the whole platform runs at. Normally the real clock; with {@code HAVEN_CLOCK_AT} (or
 * {@code -Dhaven.clock.at}, an instant such as {@code 2026-12-25T03:00:00Z}) every service starts at that
 * instant, and with {@code HAVEN_CLOCK_OFFSET} ({@code -Dhaven.clock.offset}, an ISO-8601 duration) it runs
 * that far from now. The shift is fixed once, here, and handed to each service as {@code HAVEN_CLOCK_OFFSET}
 * (honoured only in the services' dev, test and local profiles) and to the end-to-end tests through
 * {@link #clock()}, so services and tests agree on what "now" is to the millisecond. Sign-in tokens keep
 * the real time: their expiry is checked against it.
 */
public final class PlatformClock {

    private final Duration shift;

    private PlatformClock(Duration shift) {
        this.shift = shift;
    }

    public static PlatformClock real() {
        return new PlatformClock(Duration.ZERO);
    }

    /** From system properties, else the environment; the real clock when neither names a time. */
    public static PlatformClock fromSettings() {
        return from(name -> {
            String property = System.getProperty(name);
            return property != null && !property.isBlank() ? property : System.getenv(name.toUpperCase().replace('.', '_'));
        }, Instant.now());
    }

    static PlatformClock from(UnaryOperator<String> settings, Instant now) {
        String at = settings.apply("haven.clock.at");
        String offset = settings.apply("haven.clock.offset");
        try {
            if (at != null && !at.isBlank()) {
                return new PlatformClock(Duration.between(now, Instant.parse(at.trim())));
            }
            if (offset != null && !offset.isBlank()) {
                return new PlatformClock(Duration.parse(offset.trim()));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("HAVEN_CLOCK_AT takes an instant such as 2026-12-25T03:00:00Z and HAVEN_CLOCK_OFFSET "
                    + "a duration such as PT-6H; got '" + (at != null && !at.isBlank() ? at : offset) + "'", e);
        }
        return real();
    }

    public boolean shifted() {
        return !shift.isZero();
    }

    /** What each service is given as {@code HAVEN_CLOCK_OFFSET}. */
    public Duration shift() {
        return shift;
    }

    /** "Now" as the services see it. */
    public Clock clock() {
        return shifted() ? Clock.offset(Clock.systemUTC(), shift) : Clock.systemUTC();
    }

    public Instant now() {
        return clock().instant();
    }
}

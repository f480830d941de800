package org.haven.http.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final RateLimiter.Limit THREE_PER_MINUTE = new RateLimiter.Limit(3, Duration.ofMinutes(1));

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-05T02:30:00Z"));

    @Test
    void aBurstUpToTheCapacityPassesAndTheNextWaitsForOneRefill() {
        RateLimiter limiter = new RateLimiter(clock, 100);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("report|person|ana", THREE_PER_MINUTE)).isEmpty();
        }
        assertThat(limiter.tryAcquire("report|person|ana", THREE_PER_MINUTE)).contains(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire("report|person|ben", THREE_PER_MINUTE)).as("another key has its own bucket").isEmpty();
    }

    @Test
    void requestsPassAgainOnceTheClockHasMovedOn() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("k", THREE_PER_MINUTE);
        }

        clock.advance(Duration.ofSeconds(19));
        assertThat(limiter.tryAcquire("k", THREE_PER_MINUTE)).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire("k", THREE_PER_MINUTE)).isEmpty();
        assertThat(limiter.tryAcquire("k", THREE_PER_MINUTE)).isPresent();

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("k", THREE_PER_MINUTE)).as("a long pause refills no more than the capacity").isEmpty();
        }
        assertThat(limiter.tryAcquire("k", THREE_PER_MINUTE)).isPresent();
    }

    @Test
    void aClockSetBackNeitherRefillsNorStalls() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("k", THREE_PER_MINUTE);
        }
        clock.advance(Duration.ofDays(-1));
        assertThat(limiter.tryAcquire("k", THREE_PER_MINUTE)).isPresent();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryAcquire("k", THREE_PER_MINUTE)).isEmpty();
    }

    @Test
    void releasingGivesBackWhatAnotherLimitRefused() {
        RateLimiter limiter = new RateLimiter(clock, 100);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("k", THREE_PER_MINUTE);
        }
        limiter.release("k", THREE_PER_MINUTE);
        assertThat(limiter.tryAcquire("k", THREE_PER_MINUTE)).isEmpty();
    }

    @Test
    void idleKeysAreDroppedSoMemoryStaysBounded() {
        RateLimiter limiter = new RateLimiter(clock, 10);
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("ip|10.0.0." + i, THREE_PER_MINUTE);
        }
        clock.advance(Duration.ofMinutes(1));
        limiter.tryAcquire("ip|10.0.1.1", THREE_PER_MINUTE);
        assertThat(limiter.size()).as("the refilled ones are gone").isEqualTo(1);

        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(1));
            limiter.tryAcquire("ip|10.0.2." + i, THREE_PER_MINUTE);
        }
        assertThat(limiter.size()).as("never more than the bound, even when none is idle").isLessThanOrEqualTo(10);
        assertThat(limiter.tryAcquire("ip|10.0.2.49", THREE_PER_MINUTE)).as("the newest key is kept").isEmpty();
    }

    private static final class SteppedClock extends Clock {
        private Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

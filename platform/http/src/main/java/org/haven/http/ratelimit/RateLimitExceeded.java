package org.haven.http.ratelimit;

import java.time.Duration;

/** A request over its limit; answered 429 with Retry-After, before anything is stored. */
public class RateLimitExceeded extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitExceeded(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1 (the header takes seconds). */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}

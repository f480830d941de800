package org.haven.debrief.domain;

import java.time.Instant;

/** A stretch of time, start inclusive, end exclusive. */
public record TimeSpan(Instant start, Instant end) {

    public TimeSpan {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a time span ends after it starts: " + start + " – " + end);
        }
    }

    public boolean covers(Instant from, Instant to) {
        return !start.isAfter(from) && !end.isBefore(to);
    }
}

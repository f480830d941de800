package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Counts a person's exposures to critical incidents that happened within rolling windows ending now. */
@ApplicationScoped
public class ExposureWindow {

    static final Duration MONTH = Duration.ofDays(30);
    static final Duration QUARTER = Duration.ofDays(90);

    private final Clock clock;

    ExposureWindow(Clock clock) {
        this.clock = clock;
    }

    public ExposureDose doseOf(String staffId) {
        Instant asOf = clock.instant();
        return new ExposureDose(staffId, asOf, count(staffId, asOf, MONTH), count(staffId, asOf, QUARTER));
    }

    static long count(String staffId, Instant asOf, Duration window) {
        return Exposure.count("staffId = ?1 and occurredAt > ?2 and occurredAt <= ?3", staffId, asOf.minus(window), asOf);
    }
}

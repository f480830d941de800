package org.haven.wellness.api;

import org.haven.wellness.domain.ExposureDose;

import java.time.Instant;

/** A person's exposure to critical incidents in the last 30 and 90 days as of {@code asOf}. */
public record ExposureView(String staffId, Instant asOf, long last30Days, long last90Days) {

    static ExposureView of(ExposureDose dose) {
        return new ExposureView(dose.staffId(), dose.asOf(), dose.last30Days(), dose.last90Days());
    }
}

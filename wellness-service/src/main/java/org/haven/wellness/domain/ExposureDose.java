package org.haven.wellness.domain;

import java.time.Duration;
import java.time.Instant;

/** How many critical incidents one person was exposed to in the rolling windows ending at {@code asOf}. */
public record ExposureDose(String staffId, Instant asOf, long last30Days, long last90Days) {

    long within(Duration window) {
        if (window.equals(ExposureWindow.MONTH)) {
            return last30Days;
        }
        if (window.equals(ExposureWindow.QUARTER)) {
            return last90Days;
        }
        throw new IllegalArgumentException("no exposure window of " + window);
    }
}

package org.haven.wellness.domain;

import java.time.Instant;

/** How many critical incidents one person was exposed to in the rolling windows ending at {@code asOf}. */
public record ExposureDose(String staffId, Instant asOf, long last30Days, long last90Days) {
}

package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.events.ExposureThresholdReached;
import org.haven.wellness.config.WellnessConfig;
import org.haven.wellness.messaging.FollowUpEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Invites the supervisor to offer support (or a caseload change) when one person's dose of critical
 * incidents reaches the policy threshold of a rolling window. It fires on the crossing: when the exposure
 * just recorded is the one that brings the window's count up to the threshold. Later exposures in the
 * same window find the count above it and stay quiet; once old exposures leave the window and the
 * count climbs back, that is a new crossing.
 */
@ApplicationScoped
public class ExposureThreshold {

    private final Map<Duration, Integer> thresholds;
    private final FollowUpEvents events;

    ExposureThreshold(WellnessConfig config, FollowUpEvents events) {
        this.thresholds = Map.of(
                ExposureWindow.MONTH, positive("threshold-30-days", config.exposure().threshold30Days()),
                ExposureWindow.QUARTER, positive("threshold-90-days", config.exposure().threshold90Days()));
        this.events = events;
    }

    /**
     * Called in the transaction that recorded {@code exposure}, with the person's dose just before it (whose
     * {@code asOf} is now): the exposure itself counts once more in each window it falls into.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterRecording(Exposure exposure, ExposureDose doseBefore) {
        Instant now = doseBefore.asOf();
        thresholds.forEach((window, threshold) -> {
            Instant from = now.minus(window);
            if (!exposure.occurredAt.isAfter(from) || exposure.occurredAt.isAfter(now)) {
                return;
            }
            long count = doseBefore.within(window) + 1;
            if (count == threshold) {
                events.thresholdReached(new ExposureThresholdReached(exposure.staffId, exposure.siteId,
                        (int) window.toDays(), (int) count, threshold, now));
            }
        });
    }

    private static int positive(String name, int threshold) {
        if (threshold < 1) {
            throw new IllegalStateException("haven.wellness.exposure." + name + " must be at least 1, not " + threshold);
        }
        return threshold;
    }
}

package org.haven.events;

import java.time.Instant;

/**
 * One person's count of critical incidents in a rolling window passed the policy threshold: the site
 * supervisor is invited to offer support or a caseload change. A count, never a score or an answer.
 */
public record ExposureThresholdReached(
        String staffId,
        String siteId,
        int windowDays,
        int incidentCount,
        int threshold,
        Instant reachedAt) {
}

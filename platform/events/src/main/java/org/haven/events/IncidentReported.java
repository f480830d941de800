package org.haven.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident was recorded. Carries what the other services act on and nothing more: no narrative and
 * no client at all (dataversion 1 also carried the clients' codes; reading a v1 event ignores them).
 *
 * @param critical        the criticality decision made by incident-service's policy
 * @param criticalityRule the rule of that policy that decided it (for the audit trail)
 */
public record IncidentReported(
        UUID incidentId,
        String siteId,
        String incidentType,
        String severity,
        boolean critical,
        String criticalityRule,
        Instant occurredAt,
        Instant reportedAt,
        String reporterId,
        List<String> involvedStaffIds,
        List<String> witnessIds) {

    public IncidentReported {
        involvedStaffIds = Lists.frozen(involvedStaffIds);
        witnessIds = Lists.frozen(witnessIds);
    }
}

package org.haven.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident was recorded. Carries what the other services act on and nothing more: no narrative,
 * and clients only by pseudonymous client code.
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
        List<String> witnessIds,
        List<String> clientCodes) {

    public IncidentReported {
        involvedStaffIds = Lists.frozen(involvedStaffIds);
        witnessIds = Lists.frozen(witnessIds);
        clientCodes = Lists.frozen(clientCodes);
    }
}

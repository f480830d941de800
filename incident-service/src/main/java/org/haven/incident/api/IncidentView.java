package org.haven.incident.api;

import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentType;
import org.haven.incident.domain.Severity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record IncidentView(
        UUID id,
        String siteId,
        IncidentType type,
        Severity severity,
        Instant occurredAt,
        Instant reportedAt,
        String summary,
        String reporterId,
        List<String> involvedStaffIds,
        List<String> witnessIds,
        List<String> clientCodes,
        boolean critical,
        String criticalityRule) {

    static IncidentView of(Incident incident) {
        return new IncidentView(incident.id, incident.siteId, incident.type, incident.severity, incident.occurredAt,
                incident.reportedAt, incident.summary, incident.reporterId, incident.involvedStaffIds, incident.witnessIds,
                incident.clientCodes, incident.critical, incident.criticalityRule);
    }
}

package org.haven.incident.api;

import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentType;
import org.haven.incident.domain.Severity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored report as the API shows it. The narrative is returned exactly as typed: plain text, never markup. */
public record IncidentView(
        UUID id,
        String siteId,
        IncidentType type,
        Severity severity,
        Instant occurredAt,
        Instant reportedAt,
        String summary,
        String location,
        String reporterId,
        List<String> involvedStaffIds,
        List<String> witnessIds,
        List<String> clientCodes,
        String injuries,
        String immediateActions,
        ReportIncidentRequest.LastSeen lastSeen,
        ReportIncidentRequest.RiskFlags riskFlags,
        String searchSteps,
        boolean critical,
        String criticalityRule) {

    static IncidentView of(Incident incident) {
        ReportIncidentRequest.LastSeen lastSeen = incident.lastSeenAt == null ? null
                : new ReportIncidentRequest.LastSeen(incident.lastSeenAt, incident.lastSeenPlace, incident.lastSeenClothing);
        return new IncidentView(incident.id, incident.siteId, incident.type, incident.severity, incident.occurredAt,
                incident.reportedAt, incident.summary, incident.location, incident.reporterId, incident.involvedStaffIds,
                incident.witnessIds, incident.clientCodes, incident.injuries, incident.immediateActions, lastSeen,
                new ReportIncidentRequest.RiskFlags(incident.riskMinor, incident.riskTrafficking, incident.riskMedicalNeeds),
                incident.searchSteps, incident.critical, incident.criticalityRule);
    }
}

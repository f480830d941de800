package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.incident.messaging.IncidentEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records a report, decides its criticality, and announces it, all in one transaction. */
@ApplicationScoped
public class IncidentReporting {

    private final CriticalityPolicy policy;
    private final IncidentEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    IncidentReporting(CriticalityPolicy policy, IncidentEvents events, AuditTrail audit, Clock clock) {
        this.policy = policy;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public record Report(String siteId, IncidentType type, Severity severity, Instant occurredAt, String summary,
                         String reporterId, List<String> involvedStaffIds, List<String> witnessIds, List<String> clientCodes) {
    }

    /** Stores the report, its audit entry and its event in one transaction; {@code actorId} is who submitted it. */
    @Transactional
    public Incident report(Report report, String actorId) {
        Criticality criticality = policy.decide(report.type(), report.severity());
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.siteId = report.siteId();
        incident.type = report.type();
        incident.severity = report.severity();
        incident.occurredAt = report.occurredAt();
        incident.reportedAt = clock.instant();
        incident.summary = report.summary();
        incident.reporterId = report.reporterId();
        incident.involvedStaffIds = List.copyOf(report.involvedStaffIds());
        incident.witnessIds = List.copyOf(report.witnessIds());
        incident.clientCodes = List.copyOf(report.clientCodes());
        incident.critical = criticality.critical();
        incident.criticalityRule = criticality.rule();
        incident.persist();
        audit.record(actorId, AuditEntry.Action.REPORTED, incident);
        events.reported(incident);
        return incident;
    }
}

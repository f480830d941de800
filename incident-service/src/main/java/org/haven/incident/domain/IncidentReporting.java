package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.incident.messaging.IncidentEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Records a report, decides its criticality, and announces it, all in one transaction. */
@ApplicationScoped
public class IncidentReporting {

    private final CriticalityPolicy policy;
    private final IncidentEvents events;
    private final AuditTrail audit;
    private final ExternalNotificationChecklist checklist;
    private final Clock clock;

    IncidentReporting(CriticalityPolicy policy, IncidentEvents events, AuditTrail audit,
                      ExternalNotificationChecklist checklist, Clock clock) {
        this.policy = policy;
        this.events = events;
        this.audit = audit;
        this.checklist = checklist;
        this.clock = clock;
    }

    public record Report(String siteId, IncidentType type, Severity severity, Instant occurredAt, String summary,
                         String location, String reporterId, List<String> involvedStaffIds, List<String> witnessIds,
                         List<String> clientCodes, String injuries, String immediateActions, LastSeen lastSeen,
                         RiskFlags riskFlags, String searchSteps) {
    }

    public record LastSeen(Instant at, String place, String clothing) {
    }

    public record RiskFlags(boolean minor, boolean highRiskOfTrafficking, boolean medicalNeeds) {
    }

    /**
     * Stores the report, its audit entry, its checklist and its event in one transaction; {@code actorId}
     * is who submitted it. The row is flushed at once so that a second submission with the same
     * {@code idempotencyKey} fails here, on the unique constraint, instead of at commit.
     */
    @Transactional
    public Incident report(Report report, String actorId, UUID idempotencyKey) {
        Criticality criticality = policy.decide(report.type(), report.severity());
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.idempotencyKey = idempotencyKey;
        incident.siteId = report.siteId();
        incident.type = report.type();
        incident.severity = report.severity();
        incident.occurredAt = report.occurredAt();
        // PostgreSQL keeps microseconds: the event must carry the time exactly as stored.
        incident.reportedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        incident.summary = report.summary();
        incident.location = report.location();
        incident.reporterId = report.reporterId();
        incident.involvedStaffIds = List.copyOf(report.involvedStaffIds());
        incident.witnessIds = List.copyOf(report.witnessIds());
        incident.clientCodes = List.copyOf(report.clientCodes());
        incident.injuries = report.injuries();
        incident.immediateActions = report.immediateActions();
        if (report.lastSeen() != null) {
            incident.lastSeenAt = report.lastSeen().at();
            incident.lastSeenPlace = report.lastSeen().place();
            incident.lastSeenClothing = report.lastSeen().clothing();
        }
        if (report.riskFlags() != null) {
            incident.riskMinor = report.riskFlags().minor();
            incident.riskTrafficking = report.riskFlags().highRiskOfTrafficking();
            incident.riskMedicalNeeds = report.riskFlags().medicalNeeds();
        }
        incident.searchSteps = report.searchSteps();
        incident.critical = criticality.critical();
        incident.criticalityRule = criticality.rule();
        incident.persistAndFlush();
        audit.record(actorId, AuditEntry.Action.REPORTED, incident);
        checklist.open(incident);
        events.reported(incident);
        return incident;
    }
}

package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/** Records every read and change of an incident: who, when, what. */
@ApplicationScoped
public class AuditTrail {

    private final Clock clock;

    AuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actorId, AuditEntry.Action action, Incident incident) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actorId = actorId;
        entry.action = action;
        entry.incidentId = incident.id;
        entry.siteId = incident.siteId;
        entry.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String actorId, AuditEntry.Action action, List<Incident> incidents) {
        incidents.forEach(incident -> record(actorId, action, incident));
    }
}

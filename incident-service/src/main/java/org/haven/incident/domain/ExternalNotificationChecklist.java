package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Opens the required external notifications of a new incident and records who made each one. */
@ApplicationScoped
public class ExternalNotificationChecklist {

    private final JurisdictionPolicies policies;
    private final AuditTrail audit;
    private final Clock clock;

    ExternalNotificationChecklist(JurisdictionPolicies policies, AuditTrail audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<ExternalNotification> open(Incident incident) {
        JurisdictionPolicy policy = policies.forSite(incident.siteId);
        return policy.notifications().stream()
                .filter(rule -> rule.appliesTo(incident))
                .map(rule -> {
                    ExternalNotification item = new ExternalNotification();
                    item.id = UUID.randomUUID();
                    item.incidentId = incident.id;
                    item.siteId = incident.siteId;
                    item.incidentType = incident.type.name();
                    item.jurisdiction = policy.name();
                    item.ruleId = rule.id();
                    item.recipient = rule.recipient();
                    item.instructions = rule.instructions() == null ? "" : rule.instructions();
                    item.dueAt = policy.deadline(rule, incident);
                    item.persist();
                    return item;
                })
                .toList();
    }

    /** Records that the notification was made, by {@code personId}, now. Doing it twice keeps the first record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExternalNotification markDone(Incident incident, ExternalNotification item, String personId) {
        if (!item.isDone()) {
            item.doneBy = personId;
            item.doneAt = clock.instant();
            audit.record(personId, AuditEntry.Action.NOTIFICATION_DONE, incident);
        }
        return item;
    }
}

package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.events.IncidentReported;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Starts the escalation of a critical incident and pages its first level at once, in the consumer's
 * transaction. The escalation is keyed by the incident, so an incident announced again (under a new
 * event id) starts nothing and pages no one twice.
 */
@ApplicationScoped
public class SupervisorAlerting {

    private final EscalationFiring firing;
    private final Clock clock;

    SupervisorAlerting(EscalationFiring firing, Clock clock) {
        this.firing = firing;
        this.clock = clock;
    }

    /** Starts paging for a reported incident (nothing unless it is critical) and returns the alerts of the first level. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Alert> onIncidentReported(IncidentReported incident) {
        if (!incident.critical() || Escalation.findById(incident.incidentId()) != null) {
            return List.of();
        }
        Instant now = clock.instant();
        Escalation escalation = Escalation.start(incident, now);
        escalation.persist();
        return firing.start(escalation, now);
    }
}

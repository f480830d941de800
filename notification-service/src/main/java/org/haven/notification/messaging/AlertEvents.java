package org.haven.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.events.AlertAcknowledged;
import org.haven.events.AlertEscalated;
import org.haven.events.AlertRaised;
import org.haven.events.HavenEvents;
import org.haven.messaging.Outbox;
import org.haven.notification.domain.Alert;
import org.haven.notification.domain.Escalation;

import java.time.Instant;
import java.util.List;

/**
 * Turns alert state changes into events. Their subject (and Kafka key) is the incident, not the
 * alert: every alert about one incident, escalations included, then stays in one ordered stream.
 */
@ApplicationScoped
public class AlertEvents {

    private final Outbox outbox;
    private final String source;

    AlertEvents(Outbox outbox, @ConfigProperty(name = "haven.source") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    public void raised(Alert alert) {
        AlertRaised data = new AlertRaised(alert.id, alert.incidentId, alert.siteId, alert.recipientId, alert.raisedAt);
        outbox.publish(HavenEvents.ALERT_RAISED, source, alert.incidentId.toString(), alert.raisedAt, data);
    }

    public void escalated(Escalation escalation, int level, List<String> recipientIds, Instant at) {
        AlertEscalated data = new AlertEscalated(escalation.incidentId, escalation.siteId, level, recipientIds, at);
        outbox.publish(HavenEvents.ALERT_ESCALATED, source, escalation.incidentId.toString(), at, data);
    }

    public void acknowledged(Escalation escalation, Instant at) {
        AlertAcknowledged data = new AlertAcknowledged(escalation.incidentId, escalation.siteId, escalation.acknowledgedBy, at,
                escalation.levelReached);
        outbox.publish(HavenEvents.ALERT_ACKNOWLEDGED, source, escalation.incidentId.toString(), at, data);
    }
}

package org.haven.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.events.AlertRaised;
import org.haven.events.HavenEvents;
import org.haven.messaging.Outbox;
import org.haven.notification.domain.Alert;

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
}

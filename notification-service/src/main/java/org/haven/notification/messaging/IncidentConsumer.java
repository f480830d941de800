package org.haven.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.messaging.IdempotentConsumer;
import org.haven.notification.domain.ExternalNotificationNotices;
import org.haven.notification.domain.SupervisorAlerting;

/**
 * Reads incident.events: critical incidents start alerting, overdue external notifications tell the
 * supervisors. An unreadable record goes to incident.events.dlq and the next one is read.
 */
@ApplicationScoped
public class IncidentConsumer {

    static final String CONSUMER = "notification-service";

    private final IdempotentConsumer consumer;
    private final SupervisorAlerting alerting;
    private final ExternalNotificationNotices externalNotifications;

    IncidentConsumer(IdempotentConsumer consumer, SupervisorAlerting alerting, ExternalNotificationNotices externalNotifications) {
        this.consumer = consumer;
        this.alerting = alerting;
        this.externalNotifications = externalNotifications;
    }

    @Incoming("incidents")
    @Blocking
    public void onIncidentEvent(ConsumerRecord<String, String> record) {
        EventEnvelope event = consumer.read(record);
        if (event.is(HavenEvents.INCIDENT_REPORTED)) {
            consumer.applyWhen(CONSUMER, event, HavenEvents.INCIDENT_REPORTED, IncidentReported::critical, alerting::onIncidentReported);
        } else if (event.is(HavenEvents.EXTERNAL_NOTIFICATION_OVERDUE)) {
            String id = event.id();
            consumer.apply(CONSUMER, event, HavenEvents.EXTERNAL_NOTIFICATION_OVERDUE, data -> externalNotifications.onOverdue(id, data));
        }
    }
}

package org.haven.notification.api;

import org.haven.notification.domain.Alert;
import org.haven.notification.domain.AlertStatus;
import org.haven.notification.domain.Delivery;
import org.haven.notification.domain.DeliveryChannel;
import org.haven.notification.domain.DeliveryKind;
import org.haven.notification.domain.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One alert with every attempt to reach its recipient. */
public record AlertDetail(
        UUID id,
        UUID incidentId,
        String siteId,
        String incidentType,
        Instant occurredAt,
        String recipientId,
        AlertStatus status,
        Instant raisedAt,
        int escalationLevel,
        String acknowledgedBy,
        Instant acknowledgedAt,
        List<DeliveryView> deliveries) {

    public record DeliveryView(
            UUID id,
            DeliveryChannel channel,
            DeliveryKind kind,
            int round,
            String destination,
            DeliveryStatus status,
            int attempts,
            String lastError,
            Instant nextAttemptAt,
            Instant sentAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id, delivery.channel, delivery.kind, delivery.round, delivery.destination, delivery.status, delivery.attempts,
                    delivery.lastError, delivery.nextAttemptAt, delivery.sentAt);
        }
    }

    static AlertDetail of(Alert alert, List<Delivery> deliveries) {
        return new AlertDetail(alert.id, alert.incidentId, alert.siteId, alert.incidentType, alert.occurredAt,
                alert.recipientId, alert.status, alert.raisedAt, alert.escalationLevel, alert.acknowledgedBy, alert.acknowledgedAt, deliveries.stream().map(DeliveryView::of).toList());
    }
}

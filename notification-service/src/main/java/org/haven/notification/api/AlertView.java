package org.haven.notification.api;

import org.haven.notification.domain.Alert;
import org.haven.notification.domain.AlertStatus;

import java.time.Instant;
import java.util.UUID;

public record AlertView(
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
        Instant acknowledgedAt) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.incidentId, alert.siteId, alert.incidentType, alert.occurredAt,
                alert.recipientId, alert.status, alert.raisedAt,
                alert.escalationLevel, alert.acknowledgedBy, alert.acknowledgedAt);
    }
}

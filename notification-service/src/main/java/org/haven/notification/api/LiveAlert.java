package org.haven.notification.api;

import org.haven.notification.domain.Alert;
import org.haven.notification.domain.AlertStatus;
import org.haven.notification.domain.Delivery;
import org.haven.notification.domain.DeliveryKind;
import org.haven.notification.domain.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert as the live page shows it: site, type and time, who has it, which channels did not
 * get through (a page that failed, or is still being retried), and the incident's page (by its id alone).
 */
public record LiveAlert(
        UUID id,
        String siteName,
        String incidentType,
        Instant occurredAt,
        AlertStatus status,
        int escalationLevel,
        String handledBy,
        List<String> notDelivered,
        String incidentPage) {

    static LiveAlert of(Alert alert, String siteName, String handledBy, List<Delivery> deliveries, String incidentPage) {
        List<String> notDelivered = deliveries.stream()
                .filter(d -> d.kind == DeliveryKind.ALERT && d.status == DeliveryStatus.FAILED)
                .map(d -> d.channel.name().toLowerCase() + (d.nextAttemptAt == null ? " (given up)" : " (retrying)") + ": " + d.lastError)
                .toList();
        return new LiveAlert(alert.id, siteName, alert.incidentType, alert.occurredAt, alert.status, alert.escalationLevel,
                handledBy, notDelivered, incidentPage);
    }
}

package org.haven.notification.domain;

import java.util.UUID;

/**
 * Something a person watching alerts should see now: an alert raised, acknowledged, or one of its
 * deliveries sent or failed. Fired as a CDI event and passed on once the change has committed.
 */
public record AlertChanged(UUID alertId, String siteId, String recipientId) {

    public static AlertChanged of(Alert alert) {
        return new AlertChanged(alert.id, alert.siteId, alert.recipientId);
    }
}

package org.haven.notification.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Getting one alert to its recipient over one channel, with every attempt's outcome. */
@Entity
@Table(name = "alert_delivery")
public class Delivery extends ChannelDelivery {

    public UUID alertId;
    @Enumerated(EnumType.STRING)
    public DeliveryKind kind;
    /** The round of the escalation chain that paged (always 1 for a HANDLED notice). */
    public int round;

    static Delivery pending(Alert alert, DeliveryChannel channel, DeliveryKind kind, int round, String address, Instant now) {
        Delivery delivery = new Delivery();
        delivery.dueNow(channel, address, now);
        delivery.alertId = alert.id;
        delivery.kind = kind;
        delivery.round = round;
        return delivery;
    }

    /** Whether the alert already has a delivery of this kind in {@code round}. Typed queries: their translation is cached. */
    static boolean exists(UUID alertId, DeliveryKind kind, int round) {
        return !getEntityManager().createQuery(
                        "SELECT d.id FROM Delivery d WHERE d.alertId = :alert AND d.kind = :kind AND d.round = :round", UUID.class)
                .setParameter("alert", alertId)
                .setParameter("kind", kind)
                .setParameter("round", round)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Whether the alert already has a delivery of this kind, in any round. */
    static boolean exists(UUID alertId, DeliveryKind kind) {
        return !getEntityManager().createQuery("SELECT d.id FROM Delivery d WHERE d.alertId = :alert AND d.kind = :kind", UUID.class)
                .setParameter("alert", alertId)
                .setParameter("kind", kind)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public static List<Delivery> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by createdAt", alertId);
    }

    public void cancelled() {
        status = DeliveryStatus.CANCELLED;
        nextAttemptAt = null;
    }
}

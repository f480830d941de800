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

    public static List<Delivery> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by createdAt", alertId);
    }

    public void cancelled() {
        status = DeliveryStatus.CANCELLED;
        nextAttemptAt = null;
    }
}

package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Getting one alert to its recipient over one channel, with every attempt's outcome. */
@Entity
@Table(name = "alert_delivery")
public class Delivery extends PanacheEntityBase {

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    public UUID id;
    public UUID alertId;
    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;
    @Enumerated(EnumType.STRING)
    public DeliveryKind kind;
    /** The round of the escalation chain that paged (always 1 for a HANDLED notice). */
    public int round;
    public String destination;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    public String lastError;
    /** When the sender should next try; null once sent or given up. */
    public Instant nextAttemptAt;
    public Instant sentAt;
    public Instant createdAt;

    static Delivery pending(Alert alert, DeliveryChannel channel, DeliveryKind kind, int round, String address, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.alertId = alert.id;
        delivery.channel = channel;
        delivery.kind = kind;
        delivery.round = round;
        delivery.destination = address;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    public static List<Delivery> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by createdAt", alertId);
    }

    public void sent(Instant at) {
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = at;
        nextAttemptAt = null;
    }

    public void cancelled() {
        status = DeliveryStatus.CANCELLED;
        nextAttemptAt = null;
    }

    /** Records a failed attempt; {@code retryAt} is null when no attempt is left. */
    public void failed(String error, Instant retryAt) {
        attempts++;
        status = DeliveryStatus.FAILED;
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        nextAttemptAt = retryAt;
    }
}

package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * What every delivery over one channel keeps, an alert's page or a notice alike: where it goes, its status, and
 * every attempt's outcome. Each kind has its own table; the bookkeeping is one.
 */
@MappedSuperclass
public abstract class ChannelDelivery extends PanacheEntityBase {

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;
    public String destination;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    public String lastError;
    /** When the sender next looks at it (now, after a failure's backoff, or a queued notice's shift start); null once sent or given up. */
    public Instant nextAttemptAt;
    public Instant sentAt;
    public Instant createdAt;

    /** A new delivery, due at once. */
    void dueNow(DeliveryChannel channel, String destination, Instant now) {
        this.id = UUID.randomUUID();
        this.channel = channel;
        this.destination = destination;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public void sent(Instant at) {
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = at;
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

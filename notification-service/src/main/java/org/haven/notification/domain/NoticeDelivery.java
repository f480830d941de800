package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Getting one notice to its recipient over one channel, with every attempt's outcome. */
@Entity
public class NoticeDelivery extends PanacheEntityBase {

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    public UUID id;
    public UUID noticeId;
    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;
    public String destination;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    public String lastError;
    /** When the sender next looks at it: now, after a failure's backoff, or the start of the recipient's next shift. */
    public Instant nextAttemptAt;
    public Instant sentAt;
    public Instant createdAt;

    static NoticeDelivery of(Notice notice, DeliveryChannel channel, String destination, Instant now) {
        NoticeDelivery delivery = new NoticeDelivery();
        delivery.id = UUID.randomUUID();
        delivery.noticeId = notice.id;
        delivery.channel = channel;
        delivery.destination = destination;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    public static List<NoticeDelivery> ofNotice(UUID noticeId) {
        return list("noticeId = ?1 order by channel", noticeId);
    }

    /** Held until the recipient's shift starts at {@code shiftStart}. */
    public void queueUntil(Instant shiftStart) {
        status = DeliveryStatus.QUEUED;
        nextAttemptAt = shiftStart;
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

package org.haven.notification.domain;

import jakarta.persistence.Entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Getting one notice to its recipient over one channel, with every attempt's outcome. */
@Entity
public class NoticeDelivery extends ChannelDelivery {

    public UUID noticeId;

    static NoticeDelivery of(Notice notice, DeliveryChannel channel, String destination, Instant now) {
        NoticeDelivery delivery = new NoticeDelivery();
        delivery.dueNow(channel, destination, now);
        delivery.noticeId = notice.id;
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
}

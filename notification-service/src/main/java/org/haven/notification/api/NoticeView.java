package org.haven.notification.api;

import org.haven.notification.domain.DeliveryChannel;
import org.haven.notification.domain.DeliveryStatus;
import org.haven.notification.domain.Notice;
import org.haven.notification.domain.NoticeDelivery;
import org.haven.notification.domain.NoticeKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notice to the caller, with every attempt to reach them (the delivery log). */
public record NoticeView(
        UUID id,
        NoticeKind kind,
        boolean urgent,
        String siteId,
        String about,
        String subject,
        boolean calendarInvite,
        Instant createdAt,
        List<DeliveryView> deliveries) {

    public record DeliveryView(UUID id, DeliveryChannel channel, String destination, DeliveryStatus status, int attempts,
                               String lastError, Instant nextAttemptAt, Instant sentAt) {

        static DeliveryView of(NoticeDelivery delivery) {
            return new DeliveryView(delivery.id, delivery.channel, delivery.destination, delivery.status, delivery.attempts,
                    delivery.lastError, delivery.nextAttemptAt, delivery.sentAt);
        }
    }

    static NoticeView of(Notice notice, List<NoticeDelivery> deliveries) {
        return new NoticeView(notice.id, notice.kind, notice.urgent, notice.siteId, notice.about, notice.subject, notice.calendar != null,
                notice.createdAt, deliveries.stream().map(DeliveryView::of).toList());
    }
}

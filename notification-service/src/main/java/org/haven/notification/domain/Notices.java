package org.haven.notification.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.notification.messaging.NoticeSender;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Records a notice for one person and its deliveries, in the consumer's transaction; they are sent
 * after it commits. An urgent notice goes out at once on every channel. Any other goes by email,
 * and when its recipient is off shift it is queued until their next shift starts.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);

    private final Directory directory;
    private final ContactChannels channels;
    private final NoticeSender sender;
    private final Clock clock;
    private final MeterRegistry meters;

    Notices(Directory directory, ContactChannels channels, NoticeSender sender, Clock clock, MeterRegistry meters) {
        this.directory = directory;
        this.channels = channels;
        this.sender = sender;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The notice recorded for {@code recipient}, or empty when this event already gave them one.
     * {@code supersedes}: kinds of earlier notices about the same thing whose deliveries still waiting
     * (for a shift, or a retry) are replaced by this one: someone off shift gets the latest invite only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Notice> notify(String eventId, NoticeKind kind, Person recipient, String siteId, String about,
                                   NoticeMessage message, Collection<NoticeKind> supersedes) {
        if (Notice.given(eventId, recipient.id, kind)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!supersedes.isEmpty()) {
            supersedeWaiting(recipient.id, about, supersedes);
        }
        Notice notice = Notice.of(eventId, kind, recipient.id, siteId, about, message, now);
        notice.persist();
        Optional<Instant> holdUntil = kind.urgent() ? Optional.empty() : directory.workWeek(recipient.id).offUntil(now);
        for (ContactChannels.Contact contact : channels.of(recipient)) {
            if (contact.channel() == DeliveryChannel.SMS && !kind.urgent()) {
                continue;
            }
            NoticeDelivery delivery = NoticeDelivery.of(notice, contact.channel(), contact.destination(), now);
            holdUntil.ifPresent(delivery::queueUntil);
            delivery.persist();
        }
        holdUntil.ifPresent(start -> LOG.infof("Notice %s (%s) queued until its recipient's shift starts at %s", notice.id, kind, start));
        meters.counter("haven.notices", "kind", kind.name(), "queued", String.valueOf(holdUntil.isPresent())).increment();
        sender.sendAfterCommit();
        return Optional.of(notice);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Notice> notify(String eventId, NoticeKind kind, Person recipient, String siteId, String about, NoticeMessage message) {
        return notify(eventId, kind, recipient, siteId, about, message, Set.of());
    }

    /**
     * Only deliveries waiting for a shift or a retry: one about to go out goes out. A native update, so
     * a delivery being sent right now keeps its row lock and, once SENT, no longer matches.
     */
    private void supersedeWaiting(String recipientId, String about, Collection<NoticeKind> kinds) {
        // Naming the tables it touches keeps Hibernate from flushing the whole session before it runs.
        Notice.getEntityManager().createNativeQuery("""
                        UPDATE notice_delivery SET status = 'CANCELLED', next_attempt_at = NULL,
                            last_error = 'superseded by a newer notice'
                        WHERE status IN ('QUEUED', 'FAILED')
                          AND notice_id IN (SELECT id FROM notice WHERE recipient_id = ?1 AND about = ?2 AND kind IN (?3))""")
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Notice.class)
                .addSynchronizedEntityClass(NoticeDelivery.class)
                .setParameter(1, recipientId)
                .setParameter(2, about)
                .setParameter(3, kinds.stream().map(Enum::name).toList())
                .executeUpdate();
    }
}

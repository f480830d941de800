package org.haven.notification.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.haven.notification.config.AlertEmailConfig;
import org.haven.notification.domain.DeliveryRetryPolicy;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.Notice;
import org.haven.notification.domain.NoticeDelivery;
import org.haven.notification.domain.NoticeMessage;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends notices recorded as deliveries: at once after the consumer's transaction commits, and on a
 * short schedule for retries, for deliveries queued until their recipient's shift starts, and for
 * anything left behind by a process that stopped (catch-up after downtime).
 *
 * <p>A delivery is sent while its row is locked ({@code FOR UPDATE SKIP LOCKED}) and marked in the same
 * transaction, so two replicas never send it twice. A non-urgent one is sent only while its recipient
 * is working: the working week is read again when it comes due, so a shift changed meanwhile, or a
 * shift missed entirely while the service was down, moves it to the next shift instead of sending it
 * to someone off duty.
 *
 * <p>The log names a notice and its delivery by id, never its recipient: a notice's kind next to a name
 * ("check-in due to X") would tell who was exposed to a critical incident.
 */
@ApplicationScoped
public class NoticeSender {

    private static final Logger LOG = Logger.getLogger(NoticeSender.class);
    private static final String INVITE_FILE = "invite.ics";

    private final EntityManager entityManager;
    private final ReactiveMailer mailer;
    private final SmsGateway sms;
    private final Directory directory;
    private final AlertEmailConfig config;
    private final DeliveryRetryPolicy retries;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    private final SendingWorker worker;

    NoticeSender(EntityManager entityManager, ReactiveMailer mailer, SmsGateway sms, Directory directory, AlertEmailConfig config,
                 DeliveryRetryPolicy retries, TransactionSynchronizationRegistry transactions, Clock clock, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.sms = sms;
        this.directory = directory;
        this.config = config;
        this.retries = retries;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.worker = new SendingWorker("notice-sender", this::sendDue);
    }

    void start(@Observes StartupEvent startup) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.stop(config.sendTimeout().plusSeconds(5));
    }

    /** Sends the notices recorded in the current transaction as soon as it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sendAfterCommit() {
        worker.wakeAfterCommit(transactions);
    }

    @Scheduled(every = "${haven.notification.email.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDueNotices() {
        worker.wake();
    }

    /** Handles every delivery due now (sent, failed, or moved to the recipient's next shift); returns how many. */
    public int sendDue() {
        int handled = 0;
        SendBatch batch;
        do {
            batch = handleDueBatch();
            handled += batch.handled();
        } while (batch.more());
        return handled;
    }

    /** Handles due deliveries, longest-waiting first, in one transaction ({@link SendBatch}). */
    private SendBatch handleDueBatch() {
        return QuarkusTransaction.requiringNew()
                .timeout(SendBatch.transactionTimeoutSeconds(config.sendTimeout()))
                .call(() -> SendBatch.handleDue(config.sendTimeout(), worker::running, entityManager,
                        () -> nextDue(clock.instant()), id -> handle(entityManager.find(NoticeDelivery.class, id), clock.instant())));
    }

    private Optional<UUID> nextDue(Instant now) {
        // No result class: see DeliverySender.nextDue.
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT id FROM notice_delivery
                        WHERE status IN ('PENDING', 'QUEUED', 'FAILED') AND next_attempt_at <= ?1
                        ORDER BY next_attempt_at, created_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now)
                .getResultList();
        return due.stream().findFirst();
    }

    /** Sends a due delivery, or moves it to its recipient's next shift; false when a send failed. */
    private boolean handle(NoticeDelivery delivery, Instant now) {
        Notice notice = entityManager.find(Notice.class, delivery.noticeId);
        Optional<Instant> shiftStart = notice.urgent ? Optional.empty() : directory.workWeek(notice.recipientId).offUntil(now);
        if (shiftStart.isPresent()) {
            delivery.queueUntil(shiftStart.get());
            LOG.infof("Notice %s: delivery %s waits for its recipient's shift at %s", notice.id, delivery.id, shiftStart.get());
            return true;
        }
        return attempt(notice, delivery, now);
    }

    private boolean attempt(Notice notice, NoticeDelivery delivery, Instant now) {
        NoticeMessage message = notice.message();
        try {
            switch (delivery.channel) {
                case EMAIL -> mailer.send(email(delivery.destination, message)).await().atMost(config.sendTimeout());
                case SMS -> sms.send(delivery.destination, message.shortText(), config.sendTimeout());
                case PUSH -> throw new IllegalStateException("notices are not pushed");
            }
            Instant sentAt = clock.instant();
            delivery.sent(sentAt);
            meters.counter("haven.notice.deliveries", "channel", delivery.channel.name(), "kind", notice.kind.name(), "outcome", "sent").increment();
            if (delivery.attempts == 1) {
                meters.timer("haven.notice.delivery.latency", "channel", delivery.channel.name())
                        .record(Duration.between(notice.createdAt, sentAt).abs());
            }
            LOG.infof("Notice %s: delivery %s sent by %s (attempt %d)", notice.id, delivery.id, delivery.channel, delivery.attempts);
            return true;
        } catch (RuntimeException e) {
            Instant retryAt = retries.nextAttempt(delivery.attempts + 1, now).orElse(null);
            DeliveryFailure failure = DeliveryFailure.of(e, delivery.channel, delivery.destination);
            delivery.failed(failure.reason(), retryAt);
            meters.counter("haven.notice.deliveries", "channel", delivery.channel.name(), "kind", notice.kind.name(), "outcome", "failed").increment();
            if (retryAt == null) {
                LOG.errorf("Notice %s: delivery %s by %s failed %d times, giving up: %s",
                        notice.id, delivery.id, delivery.channel, delivery.attempts, failure.detail());
            } else {
                LOG.warnf("Notice %s: delivery %s by %s failed (attempt %d), retrying at %s: %s",
                        notice.id, delivery.id, delivery.channel, delivery.attempts, retryAt, failure.detail());
            }
            return false;
        }
    }

    private static Mail email(String to, NoticeMessage message) {
        Mail mail = Mail.withText(to, message.subject(), message.text());
        if (message.hasInvite()) {
            mail.addAttachment(INVITE_FILE, message.calendar().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + message.calendarMethod());
        }
        return mail;
    }

}

package org.haven.notification.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.haven.notification.domain.AlertChanged;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.haven.notification.config.AlertEmailConfig;
import org.haven.notification.config.NoticeConfig;
import org.haven.notification.domain.Alert;
import org.haven.notification.domain.AckLinks;
import org.haven.notification.domain.AlertMessage;
import org.haven.notification.domain.AlertStatus;
import org.haven.notification.domain.DeliveryChannel;
import org.haven.notification.domain.DeliveryKind;
import org.haven.notification.domain.PushMessage;
import org.haven.notification.domain.PushSubscription;
import org.haven.notification.domain.Person;
import org.haven.notification.domain.Delivery;
import org.haven.notification.domain.DeliveryRetryPolicy;
import org.haven.notification.domain.Site;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends alert emails, texts and pushes recorded as PENDING deliveries, after the transaction that recorded them has
 * committed: a rolled-back alert is never emailed, and a redelivered event (deduplicated by the
 * inbox) records no second delivery. Failed sends are retried with backoff on a short schedule,
 * which also picks up deliveries left behind by a process that stopped before sending them.
 *
 * <p>Each delivery is sent while its row is locked ({@code FOR UPDATE SKIP LOCKED}), a few to a transaction
 * ({@link SendBatch}), so two senders,
 * in one process or in two replicas, never send the same delivery at once. A crash after the SMTP
 * server accepted a message but before SENT was committed sends it again on restart: at least once,
 * which for a critical alert is the right side to err on.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final EntityManager entityManager;
    private final ReactiveMailer mailer;
    private final SmsGateway sms;
    private final AckLinks ackLinks;
    private final AlertEmailConfig config;
    private final NoticeConfig pages;
    private final DeliveryRetryPolicy retries;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    private final Event<AlertChanged> changed;
    private final PushGateway push;
    private final SendingWorker worker;

    DeliverySender(EntityManager entityManager, ReactiveMailer mailer, SmsGateway sms, AckLinks ackLinks, AlertEmailConfig config, NoticeConfig pages,
                   DeliveryRetryPolicy retries, TransactionSynchronizationRegistry transactions, Clock clock, MeterRegistry meters,
                   Event<AlertChanged> changed, PushGateway push) {
        this.changed = changed;
        this.push = push;
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.sms = sms;
        this.ackLinks = ackLinks;
        this.config = config;
        this.pages = pages;
        this.retries = retries;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.worker = new SendingWorker("alert-delivery-sender", this::sendAllDue);
    }

    void start(@Observes StartupEvent startup) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.stop(config.sendTimeout().plusSeconds(5));
    }

    /** Sends the deliveries recorded in the current transaction as soon as it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sendAfterCommit() {
        worker.wakeAfterCommit(transactions);
    }

    @Scheduled(every = "${haven.notification.email.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDueDeliveries() {
        worker.wake();
    }

    private void sendAllDue() {
        try {
            while (worker.running() && sendDueBatch()) {
                // keep going while deliveries are due
            }
        } catch (RuntimeException e) {
            LOG.warnf("Alert email sender stopped a pass, the next one retries: %s", e.getMessage());
        }
    }

    /** Attempts due deliveries, longest-waiting first, in one transaction ({@link SendBatch}); false once none is left due. */
    boolean sendDueBatch() {
        return QuarkusTransaction.requiringNew()
                .timeout(SendBatch.transactionTimeoutSeconds(config.sendTimeout()))
                .call(() -> SendBatch.handleDue(config.sendTimeout(), worker::running, entityManager, this::nextDue,
                        id -> attempt(entityManager.find(Delivery.class, id))).more());
    }

    private Optional<UUID> nextDue() {
        // No result class: Hibernate caches a native query's plan under its result mapping, and one for a
        // non-entity class (UUID.class) never equals the last, so each call added an entry that every later
        // look-up compared. Unmapped, the uuid column still reads as a UUID.
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                        SELECT id FROM alert_delivery
                        WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?1
                        ORDER BY next_attempt_at, created_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, clock.instant())
                .getResultList();
        return due.stream().findFirst();
    }

    /** False when the send failed. */
    private boolean attempt(Delivery delivery) {
        Alert alert = entityManager.find(Alert.class, delivery.alertId);
        if (delivery.kind == DeliveryKind.ALERT && alert.status == AlertStatus.ACKNOWLEDGED) {
            delivery.cancelled();
            return true;
        }
        changed.fire(AlertChanged.of(alert));
        try {
            if (delivery.channel == DeliveryChannel.PUSH) {
                PushSubscription subscription = entityManager.find(PushSubscription.class, UUID.fromString(delivery.destination));
                if (subscription == null || push(subscription, alert, delivery) == PushGateway.Outcome.GONE) {
                    gone(delivery, subscription, alert);
                    return true;
                }
            } else {
                AlertMessage message = render(alert, delivery);
                switch (delivery.channel) {
                    case EMAIL -> mailer.send(Mail.withText(delivery.destination, message.subject(), message.text()))
                            .await().atMost(config.sendTimeout());
                    case SMS -> sms.send(delivery.destination, message.shortText(), config.sendTimeout());
                    default -> throw new IllegalStateException("no sender for " + delivery.channel);
                }
            }
            delivery.sent(clock.instant());
            meters.counter("haven.alert.deliveries", "channel", delivery.channel.name(), "outcome", "sent").increment();
            LOG.infof("Alert %s: %s %s to %s (attempt %d)", alert.id, delivery.kind, delivery.channel, alert.recipientId, delivery.attempts);
            return true;
        } catch (RuntimeException e) {
            Instant retryAt = retries.nextAttempt(delivery.attempts + 1, clock.instant()).orElse(null);
            DeliveryFailure failure = DeliveryFailure.of(e, delivery.channel, delivery.destination);
            delivery.failed(failure.reason(), retryAt);
            meters.counter("haven.alert.deliveries", "channel", delivery.channel.name(), "outcome", "failed").increment();
            if (retryAt == null) {
                LOG.errorf("Alert %s: %s %s to %s failed %d times, giving up: %s",
                        alert.id, delivery.kind, delivery.channel, alert.recipientId, delivery.attempts, failure.detail());
            } else {
                LOG.warnf("Alert %s: %s %s to %s failed (attempt %d), retrying at %s: %s",
                        alert.id, delivery.kind, delivery.channel, alert.recipientId, delivery.attempts, retryAt, failure.detail());
            }
            return false;
        }
    }

    private PushGateway.Outcome push(PushSubscription subscription, Alert alert, Delivery delivery) {
        Site site = entityManager.find(Site.class, alert.siteId);
        PushMessage message = delivery.kind == DeliveryKind.HANDLED ? PushMessage.handled(alert, site) : PushMessage.page(alert, site);
        return push.send(subscription, message.json(), alert.id, config.sendTimeout());
    }

    /**
     * The browser withdrew its subscription (or its push service says it expired; the person may have removed it
     * too): it is dropped, and this push is given up rather than retried. The person's other channels still go.
     */
    private void gone(Delivery delivery, PushSubscription subscription, Alert alert) {
        if (subscription != null) {
            subscription.delete();
        }
        delivery.failed("the browser's push subscription has ended; it is removed", null);
        meters.counter("haven.alert.deliveries", "channel", delivery.channel.name(), "outcome", "gone").increment();
        LOG.infof("Alert %s: %s PUSH to %s not sent, the push subscription has ended and is removed",
                alert.id, delivery.kind, alert.recipientId);
    }

    private AlertMessage render(Alert alert, Delivery delivery) {
        Site site = entityManager.find(Site.class, alert.siteId);
        if (delivery.kind == DeliveryKind.HANDLED) {
            Person by = alert.acknowledgedBy == null ? null : entityManager.find(Person.class, alert.acknowledgedBy);
            String name = by == null ? alert.acknowledgedBy : by.displayName;
            return AlertMessage.handled(alert, site, config.appUrl(), name);
        }
        return AlertMessage.page(alert, site, config.appUrl(), pages.incidentsUrl(), AlertMessage.ackLink(config.appUrl(), ackLinks.token(alert.id)));
    }

}

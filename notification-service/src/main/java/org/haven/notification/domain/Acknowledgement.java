package org.haven.notification.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.notification.messaging.AlertEvents;
import org.haven.notification.messaging.DeliverySender;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone takes charge of a critical incident: its escalation stops, pages not yet sent are dropped,
 * and everyone already paged is told who has it. Taking charge twice changes nothing: the first one
 * to acknowledge is the one everyone was told about.
 */
@ApplicationScoped
public class Acknowledgement {

    private static final Logger LOG = Logger.getLogger(Acknowledgement.class);

    /** Who has the incident, and whether this call is what made them take charge. */
    public record Outcome(String acknowledgedBy, Instant acknowledgedAt, boolean byThisCall) {
    }

    private final EntityManager entityManager;
    private final Directory directory;
    private final Paging paging;
    private final AlertEvents events;
    private final DeliverySender sender;
    private final Clock clock;
    private final Timer ackTime;
    private final Event<AlertChanged> changed;

    Acknowledgement(EntityManager entityManager, Directory directory, Paging paging, AlertEvents events, DeliverySender sender,
                    Clock clock, MeterRegistry meters, Event<AlertChanged> changed) {
        this.changed = changed;
        this.entityManager = entityManager;
        this.directory = directory;
        this.paging = paging;
        this.events = events;
        this.sender = sender;
        this.clock = clock;
        this.ackTime = Timer.builder("haven.alert.ack")
                .description("From a critical incident's first page to someone taking charge")
                .publishPercentileHistogram()
                .register(meters);
    }

    @Transactional
    public Outcome acknowledge(UUID alertId, String personId) {
        Alert alert = Alert.findById(alertId);
        Escalation escalation = Escalation.locked(alert.incidentId)
                .orElseThrow(() -> new IllegalStateException("Alert " + alert.id + " has no escalation"));
        if (escalation.status == EscalationStatus.ACKNOWLEDGED) {
            return new Outcome(escalation.acknowledgedBy, escalation.acknowledgedAt, false);
        }
        Instant now = clock.instant();
        escalation.status = EscalationStatus.ACKNOWLEDGED;
        escalation.acknowledgedBy = personId;
        escalation.acknowledgedAt = now;
        cancelPendingLevels(escalation);
        for (Alert paged : Alert.ofIncident(alert.incidentId)) {
            paged.acknowledged(personId, now);
            changed.fire(AlertChanged.of(paged));
            if (!paged.recipientId.equals(personId)) {
                directory.person(paged.recipientId).ifPresent(person -> paging.tellHandled(paged, person, now));
            }
        }
        alert.acknowledged(personId, now);
        dropUnsentPages(alert);
        events.acknowledged(escalation, now);
        sender.sendAfterCommit();
        ackTime.record(Duration.between(escalation.startedAt, now).abs());
        LOG.infof("Incident %s acknowledged by %s at level %d", escalation.incidentId, personId, escalation.levelReached);
        return new Outcome(personId, now, true);
    }

    /** Levels being fired right now are skipped here; the firing sees the acknowledgement and cancels them. */
    private void cancelPendingLevels(Escalation escalation) {
        entityManager.createNativeQuery("""
                        UPDATE escalation_step SET status = 'CANCELLED'
                        WHERE id IN (SELECT id FROM escalation_step WHERE incident_id = ?1 AND status = 'PENDING' FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, escalation.incidentId)
                .executeUpdate();
    }

    /** A page being sent right now is skipped here; the sender drops it when it sees the acknowledgement. */
    private void dropUnsentPages(Alert alert) {
        entityManager.flush();
        entityManager.createNativeQuery("""
                        UPDATE alert_delivery SET status = 'CANCELLED', next_attempt_at = NULL
                        WHERE id IN (SELECT d.id FROM alert_delivery d JOIN alert a ON a.id = d.alert_id
                                     WHERE a.incident_id = ?1 AND d.kind = 'ALERT' AND d.status IN ('PENDING', 'FAILED')
                                     FOR UPDATE OF d SKIP LOCKED)""")
                .setParameter(1, alert.incidentId)
                .executeUpdate();
    }
}

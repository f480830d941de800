package org.haven.notification.domain;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.haven.notification.messaging.AlertEvents;

import java.time.Instant;
import java.util.Optional;

/**
 * Pages one person for an escalation: their alert (one per incident and person, however often they
 * are paged) and a delivery on each of their channels, once per round of the chain.
 */
@ApplicationScoped
public class Paging {

    private final AlertEvents events;
    private final ContactChannels channels;
    private final MeterRegistry meters;
    private final Event<AlertChanged> changed;

    Paging(AlertEvents events, ContactChannels channels, MeterRegistry meters, Event<AlertChanged> changed) {
        this.events = events;
        this.channels = channels;
        this.meters = meters;
        this.changed = changed;
    }

    /** The alert paged, or empty when this person was already paged in this round or has taken charge. */
    public Optional<Alert> page(Escalation escalation, Person person, int level, int round, Instant now) {
        Alert alert = Alert.of(escalation.incidentId, person.id).orElse(null);
        if (alert == null) {
            alert = Alert.raised(escalation, person.id, level, now);
            alert.persist();
            events.raised(alert);
            meters.counter("haven.alerts.raised", "level", String.valueOf(level)).increment();
        } else if (alert.status == AlertStatus.ACKNOWLEDGED
                || Delivery.exists(alert.id, DeliveryKind.ALERT, round)) {
            return Optional.empty();
        }
        for (ContactChannels.Contact contact : channels.forAlerts(person)) {
            Delivery.pending(alert, contact.channel(), DeliveryKind.ALERT, round, contact.destination(), now).persist();
        }
        changed.fire(AlertChanged.of(alert));
        return Optional.of(alert);
    }

    /** Tells someone already paged that the incident is handled, on the channels they were paged on. */
    public void tellHandled(Alert alert, Person person, Instant now) {
        if (Delivery.exists(alert.id, DeliveryKind.HANDLED)) {
            return;
        }
        for (ContactChannels.Contact contact : channels.forAlerts(person)) {
            Delivery.pending(alert, contact.channel(), DeliveryKind.HANDLED, 1, contact.destination(), now).persist();
        }
    }
}

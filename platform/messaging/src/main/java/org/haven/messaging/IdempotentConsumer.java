package org.haven.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.EventType;
import org.haven.events.HavenEvents;
import org.haven.events.UnreadableEventException;
import org.jboss.logging.Logger;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies an incoming event's effect at most once per consumer, and retries it while the failure may
 * pass. What can never succeed (unreadable event, unsupported version, invalid data) is thrown at
 * once, and everything still failing after the last attempt is thrown too: the channel's
 * {@code dead-letter-queue} failure strategy then moves the record to {@code <topic>.dlq}, with the
 * reason, and the consumer goes on with the next record.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Inbox inbox;
    private final MessagingConfig config;

    IdempotentConsumer(Inbox inbox, MessagingConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    /**
     * Parses a record's value and checks that it comes from the owner of the topic it was read from
     * ({@link HavenEvents#ownerOf}); an unreadable event, or one from any other source, is thrown as
     * {@link UnreadableEventException}.
     */
    public EventEnvelope read(ConsumerRecord<String, String> record) {
        return read(record.topic(), record.value());
    }

    /** {@link #read(ConsumerRecord)} for a value read from {@code topic}. */
    public EventEnvelope read(String topic, String payload) {
        EventEnvelope event = EventCodec.decode(payload);
        String owner = HavenEvents.ownerOf(topic);
        if (!owner.equals(event.source())) {
            throw new UnreadableEventException("event " + event.id() + " on " + topic + " has source '" + event.source()
                    + "', not the topic's owner " + owner);
        }
        return event;
    }

    /**
     * Runs {@code effect} with the event's data in a new transaction that also records the event id
     * for {@code consumer}; does nothing if that consumer already applied this event.
     *
     * @return true if the effect ran, false if the event was a redelivery
     */
    public <T> boolean apply(String consumer, EventEnvelope event, EventType<T> type, Consumer<T> effect) {
        return applyData(consumer, event, EventCodec.data(event, type), effect);
    }

    /**
     * Like {@link #apply}, for a consumer that acts on some events of a type only (a critical incident, say): the
     * data is read and checked as always, but an event {@code relevant} turns down costs no transaction and leaves
     * no inbox row, since applying it would change nothing.
     *
     * @return true if the effect ran, false if the event was not relevant or was a redelivery
     */
    public <T> boolean applyWhen(String consumer, EventEnvelope event, EventType<T> type, Predicate<T> relevant, Consumer<T> effect) {
        T data = EventCodec.data(event, type);
        return relevant.test(data) && applyData(consumer, event, data, effect);
    }

    private <T> boolean applyData(String consumer, EventEnvelope event, T data, Consumer<T> effect) {
        return Retries.call(config.inbox(), consumer + " applying event " + event.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer, event.id())) {
                LOG.debugf("%s already applied event %s", consumer, event.id());
                return false;
            }
            effect.accept(data);
            return true;
        }));
    }
}

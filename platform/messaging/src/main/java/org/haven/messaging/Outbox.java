package org.haven.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.EventType;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the same transaction as the state change that caused it. Nothing is sent here:
 * the {@link OutboxRelay} publishes rows once they are committed, so an event exists if and only if
 * its state change does.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Builds the envelope and records it; the Kafka key is {@code subject}, the aggregate id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope publish(EventType<T> type, String source, String subject, Instant time, T data) {
        EventEnvelope event = EventEnvelope.create(type, source, subject, time, data);
        // Declaring the one table this insert touches keeps Hibernate from flushing the caller's whole session
        // first (its default before a native statement): pending changes go in at commit, in one flush.
        entityManager.createNativeQuery("""
                        INSERT INTO haven_outbox (event_id, event_type, topic, message_key, payload, traceparent)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, UUID.fromString(event.id()))
                .setParameter(2, event.type())
                .setParameter(3, type.topic())
                .setParameter(4, subject)
                .setParameter(5, EventCodec.encode(event))
                .setParameter(6, currentTraceparent())
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("haven_outbox")
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return event;
    }

    /** The W3C traceparent of the current span (the request or the consumed event), or null when not tracing. */
    private static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}

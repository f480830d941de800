package org.haven.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.EventType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the same transaction as the state change that caused it. Nothing is sent here:
 * the {@link OutboxRelay} publishes rows once they are committed, so an event exists if and only if
 * its state change does.
 *
 * <p>The events of one transaction are written together just before it commits, in the order they were
 * recorded, in one round trip to the database on the transaction's own connection: a consumer that
 * opens follow-ups for three people writes nine events once, not nine times, and never makes Hibernate
 * flush the caller's session early. A transaction that is rolled back writes none.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO haven_outbox (event_id, event_type, topic, message_key, payload, traceparent)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Builds the envelope and records it; the Kafka key is {@code subject}, the aggregate id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope publish(EventType<T> type, String source, String subject, Instant time, T data) {
        EventEnvelope event = EventEnvelope.create(type, source, subject, time, data);
        eventsOfThisTransaction().add(new Row(UUID.fromString(event.id()), event.type(), type.topic(), subject,
                EventCodec.encode(event), currentTraceparent()));
        return event;
    }

    /**
     * Records the removal of {@code subject} from a compacted state topic: a tombstone (null value) keyed by it, so
     * compaction drops every earlier record of that key. The row still carries an event id and {@code type}'s name as
     * headers, for consumers' logs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishRemoval(EventType<?> type, String subject) {
        eventsOfThisTransaction().add(new Row(UUID.randomUUID(), type.name(), type.topic(), subject, null, currentTraceparent()));
    }

    private List<Row> eventsOfThisTransaction() {
        @SuppressWarnings("unchecked")
        List<Row> rows = (List<Row>) transactions.getResource(Outbox.class);
        if (rows == null) {
            rows = new ArrayList<>();
            transactions.putResource(Outbox.class, rows);
            transactions.registerInterposedSynchronization(new WriteBeforeCommit(rows));
        }
        return rows;
    }

    /** The W3C traceparent of the current span (the request or the consumed event), or null when not tracing. */
    private static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    private record Row(UUID eventId, String type, String topic, String key, String payload, String traceparent) {
    }

    /**
     * Writes the transaction's events while it can still commit or fail with them; a failure here rolls
     * the whole transaction back, state change included. Wakes the relay once they are committed.
     */
    private final class WriteBeforeCommit implements Synchronization {

        private final List<Row> rows;

        WriteBeforeCommit(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void beforeCompletion() {
            if (transactions.getRollbackOnly()) {
                return;
            }
            // Inside the transaction, the pool hands out the connection already enlisted in it.
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Row row : rows) {
                    insert.setObject(1, row.eventId());
                    insert.setString(2, row.type());
                    insert.setString(3, row.topic());
                    insert.setString(4, row.key());
                    insert.setString(5, row.payload());
                    insert.setString(6, row.traceparent());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record the transaction's events in the outbox", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}

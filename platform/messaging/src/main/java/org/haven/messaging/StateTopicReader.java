package org.haven.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventType;
import org.haven.events.UnreadableEventException;

import java.util.function.Function;

/**
 * Reads a compacted state topic into a projection: each record is the whole state of its key, a tombstone (null
 * value) its removal. The projection keeps the {@link RecordPosition} it was built from and applies only newer
 * records, which makes a redelivery or a replay from the beginning harmless without an inbox row per record.
 * Records are checked like any event (the topic's owner, the type's version), and a record whose key is not the id
 * it describes is refused: compaction would keep the wrong record.
 */
@ApplicationScoped
public class StateTopicReader {

    /** Applies {@code state} (null: removed) to the row of {@code key}, in the caller's transaction. */
    @FunctionalInterface
    public interface Projection<T> {
        void apply(String key, T state, RecordPosition at);
    }

    private final IdempotentConsumer events;
    private final MessagingConfig config;

    StateTopicReader(IdempotentConsumer events, MessagingConfig config) {
        this.events = events;
        this.config = config;
    }

    public <T> void apply(ConsumerRecord<String, String> record, EventType<T> type, Function<T, String> idOf, Projection<T> projection) {
        RecordPosition at = new RecordPosition(record.partition(), record.offset());
        T state = record.value() == null ? null : EventCodec.data(events.read(record), type);
        if (state != null && !idOf.apply(state).equals(record.key())) {
            throw new UnreadableEventException("record keyed '" + record.key() + "' on " + record.topic() + " describes '" + idOf.apply(state) + "'");
        }
        Retries.call(config.inbox(), "applying " + record.topic() + " " + at, () -> {
            QuarkusTransaction.requiringNew().run(() -> projection.apply(record.key(), state, at));
            return null;
        });
    }
}

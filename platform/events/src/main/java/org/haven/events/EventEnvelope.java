package org.haven.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one shape every Haven event travels in: CloudEvents 1.0 attributes (structured JSON mode)
 * plus {@code dataversion}, the version of {@code data}'s schema for this {@code type}.
 * {@code subject} is the aggregate id and is also the Kafka key, so one aggregate's events stay in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        int dataversion,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }

    /** A new event with a fresh id for {@code payload}, which must match {@code eventType}'s data class. */
    public static <T> EventEnvelope create(EventType<T> eventType, String source, String subject, Instant time, T payload) {
        if (!eventType.dataClass().isInstance(payload)) {
            throw new IllegalArgumentException(payload.getClass() + " is not the data of " + eventType);
        }
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), eventType.name(), eventType.version(),
                source, subject, time, "application/json", EventCodec.toTree(payload));
    }

    public boolean is(EventType<?> eventType) {
        return eventType.name().equals(type);
    }
}

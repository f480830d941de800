package org.haven.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON (de)serialisation of {@link EventEnvelope}s. Kept apart from any service's ObjectMapper so that
 * the wire format cannot drift with one service's REST settings.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Additive fields within one dataversion must not break older consumers.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static String encode(EventEnvelope event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.id(), e);
        }
    }

    /** Parses an envelope and checks its required attributes. */
    public static EventEnvelope decode(String json) {
        if (json == null || json.isBlank()) {
            throw new UnreadableEventException("empty event");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new UnreadableEventException("event is not a JSON object");
        }
        for (String attribute : new String[] {"id", "type", "source", "subject", "time", "dataversion"}) {
            if (!tree.hasNonNull(attribute)) {
                throw new UnreadableEventException("event lacks required attribute '" + attribute + "'");
            }
        }
        try {
            return MAPPER.treeToValue(tree, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException("invalid event envelope: " + e.getMessage(), e);
        }
    }

    /** The data of {@code event} as {@code eventType}'s record, refusing any other type or a version it does not read. */
    public static <T> T data(EventEnvelope event, EventType<T> eventType) {
        if (!event.is(eventType)) {
            throw new IllegalArgumentException("event " + event.id() + " is " + event.type() + ", not " + eventType.name());
        }
        if (!eventType.reads(event.dataversion())) {
            throw new UnreadableEventException("unsupported dataversion " + event.dataversion() + " of " + event.type()
                    + " (this consumer reads " + readable(eventType) + ")");
        }
        if (event.data() == null || !event.data().isObject()) {
            throw new UnreadableEventException("event " + event.id() + " has no data object");
        }
        try {
            return MAPPER.treeToValue(event.data(), eventType.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableEventException("invalid data for " + eventType + ": " + e.getMessage(), e);
        }
    }

    private static String readable(EventType<?> eventType) {
        return eventType.oldestReadable() == eventType.version() ? String.valueOf(eventType.version())
                : eventType.oldestReadable() + " to " + eventType.version();
    }

    static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }
}

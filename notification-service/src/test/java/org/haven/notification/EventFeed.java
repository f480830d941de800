package org.haven.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.EventType;
import org.haven.events.HavenEvents;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Publishes events of the other services (debrief.events, wellness.events, incident.events) as they
 * do, each topic on one partition: once a later event's effect is visible, every earlier one was read.
 */
final class EventFeed {

    private static final int PARTITION = 0;

    private EventFeed() {
    }

    /** An event as its topic's owner publishes it: the source always comes from {@link HavenEvents#ownerOf}. */
    static <T> EventEnvelope event(EventType<T> type, String subject, T data) {
        return EventEnvelope.create(type, HavenEvents.ownerOf(type.topic()), subject, TestTime.now(), data);
    }

    /**
     * {@code event} as dataversion 1 wrote it, with {@code field} (since retired) set to {@code value}: what an older
     * producer left on a topic.
     */
    static EventEnvelope asVersion1(EventEnvelope event, String field, Object value) {
        ObjectNode data = event.data().deepCopy();
        data.putPOJO(field, value);
        return new EventEnvelope(event.specversion(), event.id(), event.type(), 1, event.source(), event.subject(), event.time(),
                event.datacontenttype(), data);
    }

    static void publish(EventEnvelope... events) {
        send(Arrays.stream(events)
                .map(event -> new ProducerRecord<>(topicOf(event), PARTITION, event.subject(), EventCodec.encode(event)))
                .toList());
    }

    static void publishRaw(String topic, String key, String payload) {
        send(List.of(new ProducerRecord<>(topic, PARTITION, key, payload)));
    }

    private static String topicOf(EventEnvelope event) {
        return switch (event.type().substring("org.haven.".length(), event.type().lastIndexOf('.'))) {
            case "debrief" -> "debrief.events";
            case "wellness" -> "wellness.events";
            case "incident" -> "incident.events";
            default -> throw new IllegalArgumentException("no topic for " + event.type());
        };
    }

    private static void send(List<ProducerRecord<String, String>> records) {
        HavenInfrastructure.kafka().produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(15));
    }
}

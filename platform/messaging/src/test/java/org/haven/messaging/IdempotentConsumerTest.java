package org.haven.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentAmended;
import org.haven.events.UnreadableEventException;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IdempotentConsumerTest {

    private static final String CONSUMER = "idempotent-consumer-test";
    private static final String INCIDENT_SERVICE = HavenEvents.ownerOf(HavenEvents.INCIDENT_TOPIC);

    @Inject
    IdempotentConsumer consumer;
    @Inject
    EntityManager entityManager;

    private static EventEnvelope amendmentAt(String siteId) {
        UUID incident = UUID.randomUUID();
        return EventEnvelope.create(HavenEvents.INCIDENT_AMENDED, INCIDENT_SERVICE, incident.toString(), Instant.now(),
                new IncidentAmended(incident, siteId, UUID.randomUUID(), "staff-ana", Instant.parse("2026-11-22T10:00:00Z")));
    }

    private long inboxRows(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM haven_inbox WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, CONSUMER).setParameter(2, event.id()).getSingleResult()).longValue());
    }

    @Test
    void anEventFromItsTopicsOwnerIsRead() {
        EventEnvelope amendment = amendmentAt("site-a");

        EventEnvelope read = consumer.read(record(HavenEvents.INCIDENT_TOPIC, amendment));

        assertThat(read).isEqualTo(amendment);
    }

    @Test
    void anEventFromAnotherSourceThanItsTopicsOwnerIsRefusedAsUnreadable() {
        EventEnvelope genuine = amendmentAt("site-a");
        EventEnvelope forged = new EventEnvelope(genuine.specversion(), genuine.id(), genuine.type(), genuine.dataversion(),
                HavenEvents.ownerOf(HavenEvents.DEBRIEF_TOPIC), genuine.subject(), genuine.time(), genuine.datacontenttype(), genuine.data());

        assertThatThrownBy(() -> consumer.read(record(HavenEvents.INCIDENT_TOPIC, forged)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("source '/debrief-service'")
                .hasMessageContaining("not the topic's owner /incident-service");
    }

    @Test
    void anEventOnATopicThatIsNotItsOwnersIsRefused() {
        EventEnvelope incidentEvent = amendmentAt("site-a");

        assertThatThrownBy(() -> consumer.read(record(HavenEvents.WELLNESS_TOPIC, incidentEvent)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("not the topic's owner /wellness-service");
    }

    private static ConsumerRecord<String, String> record(String topic, EventEnvelope event) {
        return new ConsumerRecord<>(topic, 0, 0L, event.subject(), EventCodec.encode(event));
    }

    @Test
    void anEventTheConsumerDoesNotActOnLeavesNoInboxRowAndRunsNoEffect() {
        EventEnvelope elsewhere = amendmentAt("site-b");
        List<IncidentAmended> applied = new ArrayList<>();

        boolean ran = consumer.applyWhen(CONSUMER, elsewhere, HavenEvents.INCIDENT_AMENDED, a -> a.siteId().equals("site-a"), applied::add);

        assertThat(ran).isFalse();
        assertThat(applied).isEmpty();
        assertThat(inboxRows(elsewhere)).isZero();
    }

    @Test
    void aRelevantEventIsAppliedOnceHoweverOftenItArrives() {
        EventEnvelope here = amendmentAt("site-a");
        List<IncidentAmended> applied = new ArrayList<>();

        boolean first = consumer.applyWhen(CONSUMER, here, HavenEvents.INCIDENT_AMENDED, a -> a.siteId().equals("site-a"), applied::add);
        boolean again = consumer.applyWhen(CONSUMER, here, HavenEvents.INCIDENT_AMENDED, a -> a.siteId().equals("site-a"), applied::add);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(applied).hasSize(1);
        assertThat(inboxRows(here)).isEqualTo(1);
    }
}

package org.haven.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentAmended;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IdempotentConsumerTest {

    private static final String CONSUMER = "idempotent-consumer-test";

    @Inject
    IdempotentConsumer consumer;
    @Inject
    EntityManager entityManager;

    private static EventEnvelope amendmentAt(String siteId) {
        UUID incident = UUID.randomUUID();
        return EventEnvelope.create(HavenEvents.INCIDENT_AMENDED, "/test", incident.toString(), Instant.now(),
                new IncidentAmended(incident, siteId, UUID.randomUUID(), "staff-ana", Instant.parse("2026-11-22T10:00:00Z")));
    }

    private long inboxRows(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM haven_inbox WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, CONSUMER).setParameter(2, event.id()).getSingleResult()).longValue());
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

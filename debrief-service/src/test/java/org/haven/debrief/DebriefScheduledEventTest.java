package org.haven.debrief;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.DebriefScheduled;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.debrief.DebriefsApi.PATIENCE;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DebriefScheduledEventTest {

    @Test
    void scheduledDebriefIsAnnouncedOnDebriefEventsKeyedByTheDebrief() {
        Instant reportedAt = Instant.parse("2026-11-21T03:40:00Z");
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, "site-" + UUID.randomUUID(), reportedAt);
        ConsumerTask<String, String> announced = IncidentFeed.recordsOn(HavenEvents.DEBRIEF_TOPIC, elopement.incidentId().toString());

        IncidentFeed.send(elopement);

        ConsumerRecord<String, String> record = announced.awaitRecords(1, PATIENCE).getFirstRecord();
        announced.stop();
        String debriefId = awaitDebriefOf(elopement);
        assertThat(record.key()).isEqualTo(debriefId);

        EventEnvelope event = EventCodec.decode(record.value());
        assertThat(event.subject()).isEqualTo(debriefId);
        assertThat(event.source()).isEqualTo("/debrief-service");
        DebriefScheduled data = EventCodec.data(event, HavenEvents.DEBRIEF_SCHEDULED);
        assertThat(data.debriefId()).hasToString(debriefId);
        assertThat(data.incidentId()).isEqualTo(elopement.incidentId());
        assertThat(data.siteId()).isEqualTo(elopement.siteId());
        assertThat(data.incidentType()).isEqualTo("ELOPEMENT");
        assertThat(data.deadline()).isEqualTo(reportedAt.plus(Duration.ofHours(24)));
        assertThat(data.participantIds()).containsExactly("staff-ana", "staff-ben", "staff-cy");
        assertThat(record.value()).as("client codes stay out of debrief events").doesNotContain("C-7F3K");
    }
}

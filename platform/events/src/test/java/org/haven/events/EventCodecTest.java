package org.haven.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    private static IncidentReported elopement() {
        return new IncidentReported(UUID.randomUUID(), "site-a", "ELOPEMENT", "HIGH", true, "type ELOPEMENT is always critical",
                NOW, NOW, "staff-1", List.of("staff-1", "staff-2"), List.of("staff-3"));
    }

    @Test
    void incidentReportedSurvivesTheWireUnchanged() {
        IncidentReported data = elopement();
        EventEnvelope event = EventEnvelope.create(HavenEvents.INCIDENT_REPORTED, "/incident-service", data.incidentId().toString(), NOW, data);

        EventEnvelope decoded = EventCodec.decode(EventCodec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(EventCodec.data(decoded, HavenEvents.INCIDENT_REPORTED)).isEqualTo(data);
    }

    @Test
    void envelopeFollowsCloudEventsAttributeNames() {
        IncidentReported data = elopement();
        String json = EventCodec.encode(EventEnvelope.create(HavenEvents.INCIDENT_REPORTED, "/incident-service",
                data.incidentId().toString(), NOW, data));

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"type\":\"org.haven.incident.IncidentReported\"",
                "\"dataversion\":2", "\"time\":\"2026-11-22T10:15:30Z\"", "\"subject\":\"" + data.incidentId() + "\"");
    }

    @Test
    void malformedJsonIsUnreadable() {
        assertThatThrownBy(() -> EventCodec.decode("{not json")).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> EventCodec.decode("[]")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventCodec.decode("")).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void missingAttributeIsUnreadable() {
        assertThatThrownBy(() -> EventCodec.decode("{\"id\":\"1\",\"type\":\"x\",\"source\":\"s\",\"time\":\"2026-01-01T00:00:00Z\",\"dataversion\":1}"))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("subject");
    }

    @Test
    void unknownDataVersionIsNeverGuessedAt() {
        IncidentReported data = elopement();
        EventEnvelope current = EventEnvelope.create(HavenEvents.INCIDENT_REPORTED, "/incident-service", data.incidentId().toString(), NOW, data);
        EventEnvelope v9 = withDataversion(current, 9);
        EventEnvelope v0 = withDataversion(current, 0);

        assertThatThrownBy(() -> EventCodec.data(v9, HavenEvents.INCIDENT_REPORTED))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("unsupported dataversion 9")
                .hasMessageContaining("reads 1 to 2");
        assertThatThrownBy(() -> EventCodec.data(v0, HavenEvents.INCIDENT_REPORTED))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("unsupported dataversion 0");
    }

    @Test
    void missingListsBecomeEmptyNotNull() {
        IncidentReported data = new IncidentReported(UUID.randomUUID(), "site-a", "OTHER", "LOW", false, "no rule",
                NOW, NOW, "staff-1", null, null);
        assertThat(data.involvedStaffIds()).isEmpty();
        assertThat(data.witnessIds()).isEmpty();
    }

    private static EventEnvelope withDataversion(EventEnvelope event, int dataversion) {
        return new EventEnvelope(event.specversion(), event.id(), event.type(), dataversion, event.source(), event.subject(),
                event.time(), event.datacontenttype(), event.data());
    }
}

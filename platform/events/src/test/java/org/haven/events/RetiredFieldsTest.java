package org.haven.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client codes and the free-text reason of a debrief change no longer travel: the current dataversion is written
 * without them, and what an older producer already put on a topic is still read, with them dropped.
 */
class RetiredFieldsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private static final UUID INCIDENT = UUID.fromString("8d6f1a52-3f0e-4a39-9a51-0c3b7e8f2a11");
    private static final UUID DEBRIEF = UUID.fromString("0b7c9e4d-6a2f-4e1b-8c3d-5f9a1e2b7c40");

    private static String v1(String type, String subject, String data) {
        return """
                {"specversion":"1.0","id":"%s","type":"%s","dataversion":1,"source":"/test","subject":"%s",
                 "time":"2026-11-22T10:15:30Z","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, subject, data);
    }

    @Test
    void incidentReportedIsWrittenAsVersion2WithoutClientCodes() {
        IncidentReported data = new IncidentReported(INCIDENT, "site-a", "ELOPEMENT", "HIGH", true, "type ELOPEMENT is always critical",
                NOW, NOW, "staff-1", List.of("staff-1"), List.of("staff-2"));

        String json = EventCodec.encode(EventEnvelope.create(HavenEvents.INCIDENT_REPORTED, "/incident-service", INCIDENT.toString(), NOW, data));

        assertThat(json).contains("\"dataversion\":2").doesNotContain("clientCodes");
        assertThat(EventCodec.data(EventCodec.decode(json), HavenEvents.INCIDENT_REPORTED)).isEqualTo(data);
    }

    @Test
    void aVersion1IncidentReportedIsStillReadAndItsClientCodesAreDropped() {
        String json = v1(HavenEvents.INCIDENT_REPORTED.name(), INCIDENT.toString(), """
                {"incidentId":"%s","siteId":"site-a","incidentType":"ELOPEMENT","severity":"HIGH","critical":true,
                 "criticalityRule":"type ELOPEMENT is always critical","occurredAt":"2026-11-22T10:15:30Z",
                 "reportedAt":"2026-11-22T10:15:30Z","reporterId":"staff-1","involvedStaffIds":["staff-1"],
                 "witnessIds":["staff-2"],"clientCodes":["MARIA"]}""".formatted(INCIDENT));

        IncidentReported data = EventCodec.data(EventCodec.decode(json), HavenEvents.INCIDENT_REPORTED);

        assertThat(data).isEqualTo(new IncidentReported(INCIDENT, "site-a", "ELOPEMENT", "HIGH", true,
                "type ELOPEMENT is always critical", NOW, NOW, "staff-1", List.of("staff-1"), List.of("staff-2")));
        assertThat(data.toString()).doesNotContain("MARIA");
    }

    @Test
    void aVersion1IncidentAmendedIsStillReadAsAddingNobody() {
        UUID amendment = UUID.randomUUID();
        String json = v1(HavenEvents.INCIDENT_AMENDED.name(), INCIDENT.toString(), """
                {"incidentId":"%s","siteId":"site-a","amendmentId":"%s","authorId":"staff-1",
                 "amendedAt":"2026-11-22T10:15:30Z"}""".formatted(INCIDENT, amendment));

        IncidentAmended data = EventCodec.data(EventCodec.decode(json), HavenEvents.INCIDENT_AMENDED);

        assertThat(data).isEqualTo(new IncidentAmended(INCIDENT, "site-a", amendment, "staff-1", NOW));
        assertThat(data.addedInvolvedStaffIds()).isEmpty();
        assertThat(data.addedWitnessIds()).isEmpty();
    }

    @Test
    void incidentAmendedIsWrittenAsVersion2WithThePeopleItAdds() {
        IncidentAmended data = new IncidentAmended(INCIDENT, "site-a", UUID.randomUUID(), "staff-1", NOW,
                List.of("staff-3"), List.of("staff-4"));

        String json = EventCodec.encode(EventEnvelope.create(HavenEvents.INCIDENT_AMENDED, "/incident-service", INCIDENT.toString(), NOW, data));

        assertThat(json).contains("\"dataversion\":2");
        assertThat(EventCodec.data(EventCodec.decode(json), HavenEvents.INCIDENT_AMENDED)).isEqualTo(data);
    }

    @Test
    void debriefRescheduledIsWrittenAsVersion2WithoutAReason() {
        DebriefRescheduled data = new DebriefRescheduled(DEBRIEF, "site-a", NOW, NOW, NOW.plusSeconds(3600), "staff-f",
                List.of("staff-1"), List.of(), List.of(INCIDENT), "uid@haven", 2);

        String json = EventCodec.encode(EventEnvelope.create(HavenEvents.DEBRIEF_RESCHEDULED, "/debrief-service", DEBRIEF.toString(), NOW, data));

        assertThat(json).contains("\"dataversion\":2").doesNotContain("reason");
        assertThat(EventCodec.data(EventCodec.decode(json), HavenEvents.DEBRIEF_RESCHEDULED)).isEqualTo(data);
    }

    @Test
    void aVersion1DebriefRescheduledIsStillReadAndItsReasonIsDropped() {
        String json = v1(HavenEvents.DEBRIEF_RESCHEDULED.name(), DEBRIEF.toString(), """
                {"debriefId":"%s","siteId":"site-a","deadline":"2026-11-22T10:15:30Z","startsAt":"2026-11-22T10:15:30Z",
                 "endsAt":"2026-11-22T11:15:30Z","facilitatorId":"staff-f","participantIds":["staff-1"],
                 "uncoveredParticipantIds":[],"incidentIds":["%s"],"reason":"Ana is off sick after the assault",
                 "calendarUid":"uid@haven","sequence":2}""".formatted(DEBRIEF, INCIDENT));

        DebriefRescheduled data = EventCodec.data(EventCodec.decode(json), HavenEvents.DEBRIEF_RESCHEDULED);

        assertThat(data).isEqualTo(new DebriefRescheduled(DEBRIEF, "site-a", NOW, NOW, NOW.plusSeconds(3600), "staff-f",
                List.of("staff-1"), List.of(), List.of(INCIDENT), "uid@haven", 2));
    }

    @Test
    void debriefCancelledIsWrittenAsVersion2WithoutAReason() {
        DebriefCancelled data = new DebriefCancelled(DEBRIEF, "site-a", List.of("staff-1"), "uid@haven", 3);

        String json = EventCodec.encode(EventEnvelope.create(HavenEvents.DEBRIEF_CANCELLED, "/debrief-service", DEBRIEF.toString(), NOW, data));

        assertThat(json).contains("\"dataversion\":2").doesNotContain("reason");
        assertThat(EventCodec.data(EventCodec.decode(json), HavenEvents.DEBRIEF_CANCELLED)).isEqualTo(data);
    }

    @Test
    void aVersion1DebriefCancelledIsStillReadAndItsReasonIsDropped() {
        String json = v1(HavenEvents.DEBRIEF_CANCELLED.name(), DEBRIEF.toString(), """
                {"debriefId":"%s","siteId":"site-a","participantIds":["staff-1"],"reason":"Recorded in error: it was Maria",
                 "calendarUid":"uid@haven","sequence":3}""".formatted(DEBRIEF));

        DebriefCancelled data = EventCodec.data(EventCodec.decode(json), HavenEvents.DEBRIEF_CANCELLED);

        assertThat(data).isEqualTo(new DebriefCancelled(DEBRIEF, "site-a", List.of("staff-1"), "uid@haven", 3));
    }

    @Test
    void aTypeThatNeverRetiredAFieldStillReadsOnlyItsOneVersion() {
        assertThat(HavenEvents.DEBRIEF_SCHEDULED.reads(1)).isTrue();
        assertThat(HavenEvents.DEBRIEF_SCHEDULED.reads(2)).isFalse();
    }
}

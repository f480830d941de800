package org.haven.debrief;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefStatus;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.haven.debrief.DebriefsApi.applied;
import static org.haven.debrief.DebriefsApi.asDirectorOf;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.DebriefsApi.debriefCount;
import static org.haven.debrief.DebriefsApi.scheduledEventsRecordedFor;
import static org.haven.debrief.IncidentFeed.envelope;
import static org.haven.debrief.IncidentFeed.reported;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DebriefSchedulingTest {

    static final Instant REPORTED_AT = Instant.parse("2026-11-20T21:15:00Z");

    @Test
    void elopementSchedulesDebriefWithin24Hours() {
        IncidentReported elopement = reported("ELOPEMENT", true, uniqueSite(), REPORTED_AT);
        IncidentFeed.send(elopement);

        String id = awaitDebriefOf(elopement);
        String deadline = asDirectorOf(elopement.siteId()).when().get("/api/debriefs/" + id)
                .then().statusCode(200)
                .body("incidentId", equalTo(elopement.incidentId().toString()))
                .body("siteId", equalTo(elopement.siteId()))
                .body("incidentType", equalTo("ELOPEMENT"))
                .body("status", equalTo("SCHEDULED"))
                .body("participants.staffId", contains("staff-ana", "staff-ben", "staff-cy"))
                .body("participants.role", contains("REPORTER", "INVOLVED_STAFF", "WITNESS"))
                .extract().path("deadline");
        assertThat(Instant.parse(deadline)).isEqualTo(REPORTED_AT.plus(Duration.ofHours(24)));
    }

    @Test
    void restraintSchedulesDebriefWithin24Hours() {
        IncidentReported restraint = reported("RESTRAINT", true, uniqueSite(), REPORTED_AT);
        IncidentFeed.send(restraint);

        assertThat(deadlineOf(restraint.siteId(), awaitDebriefOf(restraint))).isEqualTo(REPORTED_AT.plus(Duration.ofHours(24)));
    }

    @Test
    void otherCriticalIncidentSchedulesDebriefWithinTheDefault72Hours() {
        IncidentReported selfHarm = reported("SELF_HARM", true, uniqueSite(), REPORTED_AT);
        IncidentFeed.send(selfHarm);

        assertThat(deadlineOf(selfHarm.siteId(), awaitDebriefOf(selfHarm))).isEqualTo(REPORTED_AT.plus(Duration.ofHours(72)));
    }

    @Test
    void nonCriticalIncidentSchedulesNothing() {
        String site = uniqueSite();
        IncidentReported minor = reported("PROPERTY_DAMAGE", false, site, REPORTED_AT);
        IncidentReported later = reported("ELOPEMENT", true, site, REPORTED_AT);
        // Same key, same partition: once the later one has its debrief, the minor one has been handled.
        IncidentFeed.send(minor.incidentId().toString(), encoded(minor), encoded(later));

        awaitDebriefOf(later);
        assertThat(debriefCount(minor)).isZero();
        assertThat(scheduledEventsRecordedFor(minor.incidentId())).isZero();
        asDirectorOf(site).queryParam("site", site).when().get("/api/debriefs").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void sameEventDeliveredThreeTimesSchedulesOneDebrief() {
        String site = uniqueSite();
        IncidentReported elopement = reported("ELOPEMENT", true, site, REPORTED_AT);
        IncidentReported later = reported("SELF_HARM", true, site, REPORTED_AT);
        String once = EventCodec.encode(envelope(elopement));
        IncidentFeed.send(elopement.incidentId().toString(), once, once, once, encoded(later));

        awaitDebriefOf(later);
        assertThat(debriefCount(elopement)).isEqualTo(1);
        assertThat(scheduledEventsRecordedFor(elopement.incidentId())).isEqualTo(1);
    }

    @Test
    void incidentAnnouncedAgainUnderANewEventIdKeepsItsOneDebrief() {
        String site = uniqueSite();
        IncidentReported elopement = reported("ELOPEMENT", true, site, REPORTED_AT);
        IncidentReported later = reported("SELF_HARM", true, site, REPORTED_AT);
        EventEnvelope first = envelope(elopement);
        EventEnvelope again = envelope(elopement);
        IncidentFeed.send(elopement.incidentId().toString(), EventCodec.encode(first), EventCodec.encode(again), encoded(later));

        awaitDebriefOf(later);
        assertThat(debriefCount(elopement)).isEqualTo(1);
        assertThat(scheduledEventsRecordedFor(elopement.incidentId())).isEqualTo(1);
        assertThat(applied(again.id())).as("the repeat is handled, not failed to the dead-letter topic").isTrue();
    }

    @Test
    void databaseRefusesASecondDebriefForOneIncident() {
        UUID incidentId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> debriefFor(incidentId).persist());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> debriefFor(incidentId).persistAndFlush()))
                .rootCause().hasMessageContaining("debrief_one_per_incident");
    }

    private static Debrief debriefFor(UUID incidentId) {
        Debrief debrief = new Debrief();
        debrief.id = UUID.randomUUID();
        debrief.incidentId = incidentId;
        debrief.siteId = "site-" + incidentId;
        debrief.incidentType = "ELOPEMENT";
        debrief.status = DebriefStatus.SCHEDULED;
        debrief.reportedAt = REPORTED_AT;
        debrief.createdAt = REPORTED_AT;
        debrief.deadline = REPORTED_AT.plus(Duration.ofHours(24));
        debrief.calendarUid = debrief.id + "@haven";
        return debrief;
    }

    private static Instant deadlineOf(String site, String debriefId) {
        return Instant.parse(asDirectorOf(site).when().get("/api/debriefs/" + debriefId).then().statusCode(200).extract().path("deadline"));
    }

    private static String encoded(IncidentReported incident) {
        return EventCodec.encode(envelope(incident));
    }

    static String uniqueSite() {
        return "site-" + UUID.randomUUID();
    }
}

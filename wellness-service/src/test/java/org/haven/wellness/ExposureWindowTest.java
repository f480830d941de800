package org.haven.wellness;

import org.haven.testing.AdjustableClock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.events.EventCodec;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.envelope;
import static org.haven.wellness.ReportedIncidents.nonCritical;
import static org.haven.wellness.ReportedIncidents.unique;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class ExposureWindowTest {

    /** Far from the real now, so counting by the system clock instead of the injected one finds nothing. */
    static final Instant AS_OF = Instant.parse("2024-03-01T12:00:00Z");

    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void exposureCountsCriticalIncidentsInTheLast30And90DaysAsOfTheClock() {
        clock.pin(AS_OF);
        String site = unique("site");
        String jo = unique("jo");
        String kim = unique("kim");
        String key = unique("incidents-for-jo");
        List<IncidentReported> incidents = List.of(
                critical(site, daysBefore(1), jo, List.of(), List.of()),
                critical(site, daysBefore(29), kim, List.of(jo), List.of()),
                nonCritical(site, daysBefore(3), jo, List.of(), List.of()),
                critical(site, daysBefore(31), kim, List.of(), List.of(jo)),
                critical(site, daysBefore(89), jo, List.of(jo), List.of(jo)),
                critical(site, daysBefore(91), jo, List.of(), List.of()),
                critical(site, daysBefore(200), kim, List.of(), List.of()));
        // One key keeps them in order, so once the last one is handled all of them are.
        incidents.forEach(incident -> ReportedIncidents.send(key, EventCodec.encode(envelope(incident))));
        ReportedIncidents.awaitFollowUps(incidents.get(incidents.size() - 1), 3);

        given().auth().oauth2(DirectoryTokens.staff(jo, site)).when().get("/api/staff/" + jo + "/exposure")
                .then().statusCode(200)
                .body("staffId", equalTo(jo))
                .body("asOf", equalTo(AS_OF.toString()))
                .body("last30Days", equalTo(2))
                .body("last90Days", equalTo(4));
        given().auth().oauth2(DirectoryTokens.staff(kim, site)).when().get("/api/staff/" + kim + "/exposure")
                .then().statusCode(200)
                .body("last30Days", equalTo(1))
                .body("last90Days", equalTo(2));
    }

    @Test
    void exposureOfSomeoneNeverExposedIsZero() {
        String lee = unique("lee");
        given().auth().oauth2(DirectoryTokens.staff(lee, "site-north")).when().get("/api/staff/" + lee + "/exposure")
                .then().statusCode(200).body("last30Days", equalTo(0)).body("last90Days", equalTo(0));
    }

    @Test
    void malformedStaffIdIsRefusedAsProblem() {
        given().auth().oauth2(DirectoryTokens.staff("staff-ana", "site-north")).when().get("/api/staff/not%20an%20id/exposure")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static Instant daysBefore(long days) {
        return AS_OF.minus(Duration.ofDays(days));
    }
}

package org.haven.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentAmended;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.incident.domain.Amendment;
import org.haven.incident.domain.Incident;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * Who was there: the form lists the site's people from incident-service's own projection, those on shift now (in the
 * site's zone) first; a report or an amendment naming anyone else is refused whole; an amendment announces only the
 * ids of the people it adds.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class WhoWasThereTest {

    /** Monday 7 December 2026, 14:00 in New York (EST, UTC-5). */
    private static final Instant MONDAY_2PM_NEW_YORK = Instant.parse("2026-12-07T19:00:00Z");

    @Inject
    AdjustableClock clock;

    private final String site = "site-" + UUID.randomUUID();

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void theSitesPeopleAreListedWithThoseOnShiftNowInTheSitesZoneFirst() {
        OrganisationProjectionTest.publishAndAwait(HavenEvents.ORGANISATION_SITE, site,
                new OrganisationSite(site, "North", "America/New_York", null));
        String late = "aaron-" + UUID.randomUUID();     // 15:00–23:00 New York: not yet on at 14:00
        String day = "zoe-" + UUID.randomUUID();        // 07:00–15:00 New York: on now, though 19:00Z is outside 07–15
        Colleagues.hire(site, monday(LocalTime.of(15, 0), LocalTime.of(23, 0)), late);
        Colleagues.hire(site, monday(LocalTime.of(7, 0), LocalTime.of(15, 0)), day);
        clock.pin(MONDAY_2PM_NEW_YORK);

        Cookies session = TestSignIn.session("/app", TestTokens.staff(day, site));
        given().cookies(session).header("X-Requested-With", "JavaScript")
                .when().get("/app/api/sites/" + site + "/people")
                .then().statusCode(200)
                .body("id", equalTo(List.of(day, late)))
                .body("onShift", equalTo(List.of(true, false)))
                .body("name[0]", equalTo("Staff " + day));
        given().cookies(session).when().get("/app/api/sites/site-elsewhere/people").then().statusCode(404);
        given().auth().oauth2(TestTokens.staff(day, site)).when().get("/api/sites/" + site + "/people")
                .then().statusCode(200).body("id", equalTo(List.of(day, late)));
    }

    @Test
    void aReportNamingSomeoneWhoDoesNotWorkAtTheSiteIsRefusedWith422AndNothingIsStored() {
        String body = IncidentReportingTest.report("ELOPEMENT", "HIGH", site)
                .replace("\"witnessIds\":[\"staff-cy\"]", "\"witnessIds\":[\"staff-cy\",\"staff-chaos-7\"]");

        IncidentReportingTest.asReporter(site).contentType("application/json").body(body)
                .when().post("/api/incidents")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("witnessIds[1]")))
                .body("errors[0].message", equalTo("'staff-chaos-7' does not work at site " + site));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Incident.count("siteId", site))).isZero();
    }

    @Test
    void anAmendmentAddsPeopleWhoWereThereAndAnnouncesOnlyTheNewOnesByIdWithoutNarrative() {
        String id = IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
        Colleagues.hire(site, "staff-dee", "staff-eve");
        ConsumerTask<String, String> events = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.INCIDENT_TOPIC, records -> records.filter(r -> r.key().equals(id)
                        && r.value().contains(HavenEvents.INCIDENT_AMENDED.name())));

        Cookies session = TestSignIn.session("/app", TestTokens.staff("staff-ana", site));
        given().cookies(session).header("X-Requested-With", "JavaScript").contentType("application/json")
                .body("""
                        {"reason":"Added someone who was there","addedInvolvedStaffIds":["staff-dee","staff-ben"],
                         "addedWitnessIds":["staff-eve"],
                         "lastSeen":{"at":"%s","place":"Corner shop on Elm Street","clothing":"Red coat"}}"""
                        .formatted(clock.instant().minusSeconds(1200)))
                .when().post("/app/api/incidents/" + id + "/amendments")
                .then().statusCode(201)
                .body("addedInvolvedStaffIds", equalTo(List.of("staff-dee")))
                .body("addedWitnessIds", equalTo(List.of("staff-eve")))
                .body("lastSeen.place", equalTo("Corner shop on Elm Street"));

        ConsumerRecord<String, String> record = events.awaitRecords(1, Duration.ofSeconds(15)).getFirstRecord();
        events.stop();
        IncidentAmended data = EventCodec.data(EventCodec.decode(record.value()), HavenEvents.INCIDENT_AMENDED);
        assertThat(data.addedInvolvedStaffIds()).as("staff-ben was on the report already").containsExactly("staff-dee");
        assertThat(data.addedWitnessIds()).containsExactly("staff-eve");
        assertThat(record.value()).doesNotContain("Elm Street").doesNotContain("Red coat").doesNotContain("Staff staff-dee");

        given().cookies(session).when().get("/app/api/incidents/" + id + "/people").then().statusCode(200)
                .body("involvedStaffIds", hasItems("staff-ana", "staff-ben", "staff-dee"))
                .body("witnessIds", equalTo(List.of("staff-cy", "staff-eve")));
    }

    @Test
    void anAmendmentAddingSomeoneWhoDoesNotWorkAtTheSiteIsRefusedAndNothingIsStored() {
        String id = IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");

        IncidentReportingTest.asReporter(site).contentType("application/json")
                .body("{\"reason\":\"Witness\",\"addedWitnessIds\":[\"staff-nobody\"]}")
                .when().post("/api/incidents/" + id + "/amendments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("addedWitnessIds[0]"));
        IncidentReportingTest.asReporter(site).contentType("application/json")
                .body("{\"reason\":\"Nothing\"}")
                .when().post("/api/incidents/" + id + "/amendments")
                .then().statusCode(400).body("errors.field", hasItem("correction"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Amendment.of(UUID.fromString(id)))).isEmpty();
    }

    @Test
    void bothPagesUseTheOnePickerAndTheReportersViewLeadsToAddingSomeoneWhoWasThere() {
        String id = IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
        Cookies reporter = TestSignIn.session("/app", TestTokens.staff("staff-ana", site));

        String form = given().cookies(reporter).when().get("/app").then().statusCode(200).extract().asString();
        assertThat(form).contains("/app/people-picker.js").contains("id=\"m-people\"").contains("id=\"f-people\"")
                .doesNotContain("name=\"involvedStaffIds\"");
        String page = given().cookies(reporter).when().get("/app/incidents/" + id + "/add-people")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("/app/people-picker.js").contains("data-people-picker").contains("Last seen where");
        assertThat(given().when().get("/app/report.js").then().statusCode(200).extract().asString())
                .contains("/add-people").contains("HavenPeoplePicker");
        assertThat(given().when().get("/app/people-picker.js").then().statusCode(200).extract().asString())
                .contains("Everyone on shift").doesNotContain("innerHTML");

        Cookies someoneElse = TestSignIn.session("/app", TestTokens.staff("staff-ben", site));
        given().cookies(someoneElse).when().get("/app/incidents/" + id + "/add-people").then().statusCode(404);
    }

    private static WorkPattern monday(LocalTime start, LocalTime end) {
        return new WorkPattern(List.of(new WorkPattern.Weekly(DayOfWeek.MONDAY, start, end)), List.of());
    }
}

package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentAmended;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class AmendmentTest {

    private static String report(String site) {
        return IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site))
                .when().post("/api/incidents").then().statusCode(201).extract().path("id");
    }

    private static String amendment(String reason, String correction) {
        return "{\"reason\":\"%s\",\"correction\":\"%s\"}".formatted(reason, correction);
    }

    @Test
    void amendmentsAreShownInOrderWithAuthorAndTheReportStaysAsSubmitted() {
        String site = "site-" + UUID.randomUUID();
        String id = report(site);

        IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(amendment("Wrong time", "Occurred at 21:40, not 22:40"))
                .when().post("/api/incidents/" + id + "/amendments")
                .then().statusCode(201).body("authorId", equalTo("staff-ana"));
        given().auth().oauth2(TestTokens.supervisor("sup-a", site)).contentType("application/json")
                .body(amendment("Witness missing", "Staff-ben also saw the client leave"))
                .when().post("/api/incidents/" + id + "/amendments")
                .then().statusCode(201).body("authorId", equalTo("sup-a"));

        given().auth().oauth2(TestTokens.supervisor("sup-a", site)).when().get("/api/incidents/" + id + "/amendments")
                .then().statusCode(200)
                .body("authorId", equalTo(List.of("staff-ana", "sup-a")))
                .body("reason", equalTo(List.of("Wrong time", "Witness missing")))
                .body("correction[0]", equalTo("Occurred at 21:40, not 22:40"));
        IncidentReportingTest.asReporter(site).when().get("/api/incidents/" + id)
                .then().statusCode(200).body("summary", equalTo("Client did not return from school"));
    }

    @Test
    void anAmendmentIsAnnouncedOnKafkaAndAudited() {
        String site = "site-" + UUID.randomUUID();
        String id = report(site);
        ConsumerTask<String, String> events = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.INCIDENT_TOPIC, records -> records.filter(r -> r.value().contains(HavenEvents.INCIDENT_AMENDED.name())
                        && r.value().contains(site)));

        String amendmentId = IncidentReportingTest.asReporter(site).contentType("application/json")
                .body(amendment("Typo", "Location was the back door"))
                .when().post("/api/incidents/" + id + "/amendments")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = events.awaitRecords(1, Duration.ofSeconds(15)).getFirstRecord();
        events.stop();
        assertThat(record.key()).isEqualTo(id);
        IncidentAmended data = EventCodec.data(EventCodec.decode(record.value()), HavenEvents.INCIDENT_AMENDED);
        assertThat(data.amendmentId()).hasToString(amendmentId);
        assertThat(data.authorId()).isEqualTo("staff-ana");
        assertThat(record.value()).as("the correction text stays in incident-service").doesNotContain("back door");

        given().auth().oauth2(TestTokens.admin("admin-1")).queryParam("incidentId", id).when().get("/api/audit")
                .then().statusCode(200).body("items.action", hasItem("AMENDED"));
    }

    @Test
    void aReportCannotBeEditedInPlace() {
        String site = "site-" + UUID.randomUUID();
        String id = report(site);
        IncidentReportingTest.asReporter(site).contentType("application/json").body(IncidentReportingTest.report("OTHER", "LOW", site))
                .when().put("/api/incidents/" + id).then().statusCode(405);
        IncidentReportingTest.asReporter(site).contentType("application/json").body("{\"summary\":\"changed\"}")
                .when().patch("/api/incidents/" + id).then().statusCode(405);
    }

    @Test
    void anAmendmentNeedsAReasonAndACorrection() {
        String site = "site-" + UUID.randomUUID();
        String id = report(site);
        IncidentReportingTest.asReporter(site).contentType("application/json").body("{\"reason\":\" \"}")
                .when().post("/api/incidents/" + id + "/amendments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("correction", "reason")));
    }
}

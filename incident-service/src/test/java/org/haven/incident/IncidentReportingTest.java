package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.incident.domain.ClientCode;
import org.haven.incident.domain.Incident;
import io.restassured.specification.RequestSpecification;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentReportingTest {

    /** The client code every report of these tests names. */
    static final String CLIENT_CODE = ClientCodes.of("reporting");

    static String report(String type, String severity, String site) {
        return report(type, severity, site, TestTime.now());
    }

    /** A report made at {@code now} as the service sees it (the pinned clock's time, where a test pins it). */
    static String report(String type, String severity, String site, Instant now) {
        Colleagues.hire(site, "staff-ana", "staff-ben", "staff-cy");
        return """
                {"siteId":"%s","type":"%s","severity":"%s","occurredAt":"%s","summary":"Client did not return from school",
                 "reporterId":"staff-ana","involvedStaffIds":["staff-ana","staff-ben"],"witnessIds":["staff-cy"],
                 "clientCodes":["%s"],
                 "lastSeen":{"at":"%s","place":"School gate","clothing":"Blue hoodie, white trainers"}}"""
                .formatted(site, type, severity, now.minus(10, ChronoUnit.MINUTES), CLIENT_CODE,
                        now.minus(15, ChronoUnit.MINUTES));
    }

    static RequestSpecification asReporter(String site) {
        return given().auth().oauth2(TestTokens.staff("staff-ana", site));
    }

    @Test
    void elopementIsStoredAsCriticalAndAnnouncedOnKafkaKeyedByIncident() {
        String site = "site-" + UUID.randomUUID();
        ConsumerTask<String, String> events = HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.INCIDENT_TOPIC, records -> records.filter(r -> r.value().contains(site)));

        String id = asReporter(site).contentType("application/json").body(report("ELOPEMENT", "HIGH", site))
                .when().post("/api/incidents")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("critical", equalTo(true))
                .body("criticalityRule", equalTo("type ELOPEMENT is always critical"))
                .extract().path("id");

        ConsumerRecord<String, String> record = events.awaitRecords(1, Duration.ofSeconds(15)).getFirstRecord();
        events.stop();
        assertThat(record.key()).isEqualTo(id);
        EventEnvelope envelope = EventCodec.decode(record.value());
        IncidentReported data = EventCodec.data(envelope, HavenEvents.INCIDENT_REPORTED);
        assertThat(envelope.subject()).isEqualTo(id);
        assertThat(envelope.source()).isEqualTo("/incident-service");
        assertThat(data.critical()).isTrue();
        assertThat(data.involvedStaffIds()).containsExactly("staff-ana", "staff-ben");
        assertThat(envelope.dataversion()).isEqualTo(2);
        assertThat(record.value()).as("the client's code never leaves incident-service").doesNotContain("clientCodes", CLIENT_CODE);

        asReporter(site).when().get("/api/incidents/" + id).then().statusCode(200).body("clientCodes", contains(CLIENT_CODE));
        assertThat(record.value()).as("the narrative never leaves incident-service").doesNotContain("did not return from school");

        asReporter(site).when().get("/api/incidents/" + id).then().statusCode(200).body("type", equalTo("ELOPEMENT"));
    }

    @Test
    void anyTypeAtSeverityCriticalIsCriticalAndLowPropertyDamageIsNot() {
        String site = "site-" + UUID.randomUUID();
        asReporter(site).contentType("application/json").body(report("PROPERTY_DAMAGE", "CRITICAL", site))
                .when().post("/api/incidents").then().statusCode(201).body("critical", equalTo(true));
        asReporter(site).contentType("application/json").body(report("PROPERTY_DAMAGE", "LOW", site))
                .when().post("/api/incidents").then().statusCode(201).body("critical", equalTo(false));

        asReporter(site).queryParam("site", site).queryParam("critical", false)
                .when().get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].severity", equalTo("LOW"));
    }

    @Test
    void malformedJsonIsRefusedAsProblemAndStoresNothing() {
        long before = Incident.count();
        asReporter("site-a").contentType("application/json").body("{\"siteId\": \"site-a\", ")
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        assertThat(Incident.count()).isEqualTo(before);
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        long before = Incident.count();
        asReporter("site-a").contentType("application/json").body("{\"siteId\":\"site-a\",\"severity\":\"HIGH\"}")
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("type"))
                .body("errors.field", hasItem("occurredAt"))
                .body("errors.field", hasItem("summary"));
        assertThat(Incident.count()).isEqualTo(before);
    }

    @Test
    void unknownIncidentTypeIsNamedWithTheAcceptedValues() {
        asReporter("site-a").contentType("application/json").body(report("ABDUCTION", "HIGH", "site-a"))
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Maria", "MARIA", "JOSE-LUIS", "Maria Lopez", "C-MARIA"})
    void aClientNameInTheClientCodeFieldIsRefusedInAnyCaseAndSaysWhatACodeLooksLike(String name) {
        long before = Incident.count();
        String body = report("ELOPEMENT", "HIGH", "site-a").replace(CLIENT_CODE, name);
        asReporter("site-a").contentType("application/json").body(body)
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("clientCodes[0]"))
                .body("errors[0].message", equalTo(ClientCode.MESSAGE))
                .body(not(containsString("Exception")));
        assertThat(Incident.count()).isEqualTo(before);
    }

    @Test
    void aCodeWithAWrongCheckCharacterIsRefused() {
        long before = Incident.count();
        char check = CLIENT_CODE.charAt(CLIENT_CODE.length() - 1);
        char wrong = ClientCode.ALPHABET.charAt((ClientCode.ALPHABET.indexOf(check) + 1) % ClientCode.ALPHABET.length());
        String mistyped = CLIENT_CODE.substring(0, CLIENT_CODE.length() - 1) + wrong;
        asReporter("site-a").contentType("application/json").body(report("ELOPEMENT", "HIGH", "site-a").replace(CLIENT_CODE, mistyped))
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("clientCodes[0]"))
                .body("errors[0].message", equalTo(ClientCode.MESSAGE));
        assertThat(Incident.count()).isEqualTo(before);
    }

    @Test
    void unknownIncidentIsNotFoundAsProblem() {
        asReporter("site-a").when().get("/api/incidents/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthReportsKafkaAndDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}

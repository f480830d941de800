package org.haven.wellness;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.haven.wellness.CheckIns.followUpOf;
import static org.haven.wellness.CheckIns.submit;
import static org.haven.wellness.CheckIns.wellbeing;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class SelfCheckInTest {

    @Inject
    EntityManager entityManager;

    private static IncidentReported incidentWith(String site, String... staff) {
        IncidentReported incident = critical(site, minutesAgo(30), staff[0], List.of(staff).subList(1, staff.length), List.of());
        send(incident);
        awaitFollowUps(incident, 3 * staff.length);
        return incident;
    }

    @Test
    void staffMemberSeesTheirOwnResultAndSupportOptionsPrivately() {
        String site = unique("site");
        String ana = unique("ana");
        IncidentReported incident = incidentWith(site, ana);
        String followUp = followUpOf(incident, ana, "SELF_CHECK_IN_72H");
        String token = DirectoryTokens.staff(ana, site);

        String id = submit(token, wellbeing(3, 2, 2, false, followUp)).statusCode(201)
                .header("Location", containsString("/api/checkins/"))
                .body("followUpId", equalTo(followUp))
                .body("results[0].instrumentId", equalTo("wellbeing-check"))
                .body("results[0].answers.sleep", equalTo(3))
                .body("results[0].scores[0].subscale", equalTo("strain"))
                .body("results[0].scores[0].score", equalTo(5))
                .body("results[0].scores[0].band", equalTo("some"))
                .body("results[0].scores[1].band", equalTo("yes"))
                .body("supportOptions.key", equalTo(List.of("eap", "time-off", "conversation")))
                .body("conversationRequested", equalTo(false))
                .extract().path("id");

        given().auth().oauth2(token).when().get("/api/checkins/" + id).then().statusCode(200)
                .body("results[0].scores[0].score", equalTo(5)).body("supportOptions", hasSize(3));
        given().auth().oauth2(token).when().get("/api/checkins").then().statusCode(200)
                .body("id", equalTo(List.of(id)));
        given().auth().oauth2(token).when().get("/api/followups/" + followUp).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
    }

    @Test
    void noOtherRoleCanReadSomeoneElsesCheckIn() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        IncidentReported incident = incidentWith(site, ana, ben);
        String id = CheckIns.checkIn72h(incident, ana, 4, 4, false);

        for (String other : List.of(DirectoryTokens.staff(ben, site), DirectoryTokens.supervisor("sup-" + site, site),
                DirectoryTokens.director("dir-" + site, site))) {
            given().auth().oauth2(other).when().get("/api/checkins/" + id).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", equalTo("No check-in " + id));
            given().auth().oauth2(other).when().get("/api/checkins").then().statusCode(200).body("$", empty());
        }
        given().auth().oauth2(TestTokens.admin("admin")).when().get("/api/checkins/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin")).when().get("/api/checkins").then().statusCode(403);
    }

    @Test
    void theSupervisorSeesOnlyThatTheCheckInHappened() {
        String site = unique("site");
        String ana = unique("ana");
        IncidentReported incident = incidentWith(site, ana);
        CheckIns.checkIn72h(incident, ana, 4, 3, false);
        String followUp = followUpOf(incident, ana, "SELF_CHECK_IN_72H");

        Map<String, Object> seen = given().auth().oauth2(DirectoryTokens.supervisor("sup-" + site, site))
                .when().get("/api/followups/" + followUp).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).extract().jsonPath().getMap("$");
        assertThat(seen).containsOnlyKeys("id", "incidentId", "siteId", "staffId", "kind", "dueAt", "status", "createdAt", "completedAt");
    }

    @Test
    void aCheckInIsOnlyForOnesOwnOpenSelfCheckIn() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        IncidentReported incident = incidentWith(site, ana, ben);
        String anasFollowUp = followUpOf(incident, ana, "SELF_CHECK_IN_72H");
        String anasConversation = followUpOf(incident, ana, "SUPERVISOR_CHECK_IN");
        String ana72 = DirectoryTokens.staff(ana, site);

        submit(DirectoryTokens.staff(ben, site), wellbeing(1, 1, 0, false, anasFollowUp)).statusCode(404);
        submit(DirectoryTokens.supervisor("sup-" + site, site), wellbeing(1, 1, 0, false, anasFollowUp)).statusCode(404);
        submit(ana72, wellbeing(1, 1, 0, false, anasConversation)).statusCode(403);
        submit(ana72, wellbeing(1, 1, 0, false, UUID.randomUUID().toString())).statusCode(404);
        submit(ana72, wellbeing(9, 1, 0, false, anasFollowUp)).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("wellbeing-check.sleep must be from 0 to 4"));
        submit(ana72, "{\"followUpId\":\"" + anasFollowUp + "\",\"answers\":{\"wellbeing-check\":{\"sleep\":1}}}")
                .statusCode(400).body("detail", containsString("intrusive-thoughts is not answered"));
        submit(ana72, "{\"followUpId\":\"" + anasFollowUp + "\",\"answers\":{\"proqol-5\":{\"1\":1}}}")
                .statusCode(400).body("detail", containsString("wellbeing-check must be answered"));
        submit(ana72, wellbeing(1, 1, 0, false, anasFollowUp)).statusCode(201);
        submit(ana72, wellbeing(1, 1, 0, false, anasFollowUp)).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void answersAreSealedAtRestAndBoundToTheirOwner() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        IncidentReported incident = incidentWith(site, ana, ben);
        String anas = CheckIns.checkIn72h(incident, ana, 4, 4, false);
        String bens = CheckIns.checkIn72h(incident, ben, 0, 0, false);

        byte[] sealed = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager
                .createNativeQuery("SELECT sealed_results FROM check_in WHERE id = ?1")
                .setParameter(1, UUID.fromString(anas)).getSingleResult());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("sleep").doesNotContain("strain")
                .doesNotContain("wellbeing");
        // Ana's sealed answers copied onto Ben's check-in do not open as his.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE check_in SET sealed_results = ?1 WHERE id = ?2")
                .setParameter(1, sealed).setParameter(2, UUID.fromString(bens)).executeUpdate());
        given().auth().oauth2(DirectoryTokens.staff(ben, site)).when().get("/api/checkins/" + bens).then().statusCode(500)
                .body("detail", equalTo("The server could not complete the request"));
        given().auth().oauth2(DirectoryTokens.staff(ana, site)).when().get("/api/checkins/" + anas).then().statusCode(200)
                .body("results[0].answers.sleep", equalTo(4));
    }

    @Test
    void theInstrumentsCarryNoAnswers() {
        given().auth().oauth2(DirectoryTokens.staff("staff-ana", "site-north")).when().get("/api/checkins/instruments")
                .then().statusCode(200)
                .body("id", equalTo(List.of("wellbeing-check")))
                .body("[0].items.id", equalTo(List.of("sleep", "intrusive-thoughts", "support-wanted")));
    }
}

package org.haven.wellness;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

/** A staff member erases their own check-in, and only their own; what the team figures do about it. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class CheckInErasureTest {

    @Inject
    AdjustableClock clock;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private record Exposed(IncidentReported incident, String ana, String ben) {
        String anaToken() {
            return DirectoryTokens.staff(ana, incident.siteId());
        }
    }

    private static Exposed anaAndBenExposed() {
        String site = unique("site");
        String ana = unique("ana");
        String ben = unique("ben");
        IncidentReported incident = critical(site, minutesAgo(30), ana, List.of(ben), List.of());
        send(incident);
        awaitFollowUps(incident, 6);
        return new Exposed(incident, ana, ben);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    @Test
    void staffEraseTheirOwnCheckInTheAnswersAreGoneTheFollowUpStaysDoneAndTheErasureIsAuditedWithoutContent() {
        Exposed exposed = anaAndBenExposed();
        String checkIn = CheckIns.checkIn72h(exposed.incident(), exposed.ana(), 3, 3, true);
        String followUp = CheckIns.followUpOf(exposed.incident(), exposed.ana(), "SELF_CHECK_IN_72H");

        given().auth().oauth2(exposed.anaToken()).when().delete("/api/checkins/" + checkIn).then().statusCode(204);

        given().auth().oauth2(exposed.anaToken()).when().get("/api/checkins/" + checkIn).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM check_in WHERE id = CAST(?1 AS uuid)", checkIn)).isZero();
        given().auth().oauth2(exposed.anaToken()).when().get("/api/followups/" + followUp).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        assertThat(count("SELECT count(*) FROM conversation_request WHERE staff_id = ?1 AND check_in_id IS NULL", exposed.ana()))
                .as("the conversation she asked for stays asked").isEqualTo(1);
        List<?> entries = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT actor_id, site_id, detail FROM wellness_audit WHERE action = 'CHECK_IN_ERASED' AND actor_id = ?1")
                .setParameter(1, exposed.ana()).getResultList());
        assertThat(entries).hasSize(1);
        Object[] entry = (Object[]) entries.get(0);
        assertThat(entry[1]).isEqualTo(exposed.incident().siteId());
        assertThat(entry[2]).as("no content").isNull();

        given().auth().oauth2(exposed.anaToken()).when().delete("/api/checkins/" + checkIn)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void nobodyCanEraseSomeoneElsesCheckIn() {
        Exposed exposed = anaAndBenExposed();
        String checkIn = CheckIns.checkIn72h(exposed.incident(), exposed.ana(), 1, 1, false);
        String site = exposed.incident().siteId();

        given().auth().oauth2(DirectoryTokens.staff(exposed.ben(), site)).when().delete("/api/checkins/" + checkIn)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DirectoryTokens.supervisor("sup-" + site, site)).when().delete("/api/checkins/" + checkIn)
                .then().statusCode(404);
        given().auth().oauth2(DirectoryTokens.director("dir-" + site, site)).when().delete("/api/checkins/" + checkIn)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin("admin-1")).when().delete("/api/checkins/" + checkIn).then().statusCode(403);
        given().when().delete("/api/checkins/" + checkIn).then().statusCode(401);

        given().auth().oauth2(exposed.anaToken()).when().get("/api/checkins/" + checkIn).then().statusCode(200);
        assertThat(count("SELECT count(*) FROM wellness_audit WHERE action = 'CHECK_IN_ERASED' AND site_id = ?1", site)).isZero();
    }

    @Test
    void theEraseButtonOnMyResultPageErasesIt() {
        Exposed exposed = anaAndBenExposed();
        String checkIn = CheckIns.checkIn72h(exposed.incident(), exposed.ana(), 2, 2, false);
        Pages.Opened result = Pages.open(exposed.anaToken(), "/app/wellness/check-ins/" + checkIn);

        result.post("/app/wellness/check-ins/" + checkIn + "/erase", Map.of())
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/app/wellness?erased=true"));

        given().auth().oauth2(exposed.anaToken()).when().get("/app/wellness/check-ins/" + checkIn).then().statusCode(404);
        assertThat(Pages.html(exposed.anaToken(), "/app/wellness?erased=true"))
                .contains("Your check-in is erased").doesNotContain("/app/wellness/check-ins/" + checkIn);
        assertThat(count("SELECT count(*) FROM check_in WHERE id = CAST(?1 AS uuid)", checkIn)).isZero();
    }

    @Test
    void aClosedMonthsTeamFigureIsWithheldOnceOneOfItsCheckInsIsErased() {
        TeamOfFive team = TeamOfFive.exposedInMay(clock);
        List<String> checkIns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            checkIns.add(CheckIns.checkIn72h(team.incident(), team.staff().get(i), i, i, false));
        }
        clock.pin(TeamOfFive.IN_JUNE);
        given().auth().oauth2(team.director()).queryParam("from", "2025-05").queryParam("to", "2025-05")
                .when().get("/api/team/aggregates").then().statusCode(200)
                .body("[0].checkIns.suppressed", nullValue())
                .body("[0].checkIns.contributors", equalTo(5));

        given().auth().oauth2(DirectoryTokens.staff(team.staff().get(2), team.site())).when().delete("/api/checkins/" + checkIns.get(2))
                .then().statusCode(204);

        // Shown again over the four left, May's means would give the erased answers away.
        given().auth().oauth2(team.director()).queryParam("from", "2025-05").queryParam("to", "2025-05")
                .when().get("/api/team/aggregates").then().statusCode(200)
                .body("[0].checkIns.suppressed", equalTo("CHANGED_BY_ERASURE"))
                .body("[0].checkIns.contributors", nullValue())
                .body("[0].followUpsCompleted", equalTo(5));
    }
}

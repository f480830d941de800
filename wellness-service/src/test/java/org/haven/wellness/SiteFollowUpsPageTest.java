package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.haven.wellness.CheckIns.followUpOf;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

/** The supervisor's page shows whether each follow-up happened — never an answer or a score. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class SiteFollowUpsPageTest {

    @Test
    void supervisorSeesThatACheckInHappenedButNothingOfItsAnswersOrScores() {
        String site = unique("site");
        String ana = unique("ana");
        IncidentReported incident = critical(site, minutesAgo(30), ana, List.of(), List.of());
        send(incident);
        awaitFollowUps(incident, 3);
        // the strongest answers there are: strain 8 ("a lot"), support wanted "yes"
        CheckIns.submit(DirectoryTokens.staff(ana, site), CheckIns.wellbeing(4, 4, 2, false, followUpOf(incident, ana, "SELF_CHECK_IN_72H")))
                .statusCode(201);

        String html = Pages.html(ReportedIncidents.supervisorOf(incident), "/app/wellness/site");

        assertThat(html).contains("Follow-ups at my sites", ana, "data-kind=\"SELF_CHECK_IN_72H\" data-status=\"COMPLETED\"",
                "data-kind=\"SELF_CHECK_IN_1_MONTH\" data-status=\"OPEN\"", "Happened", "We talked today");
        assertThat(html).doesNotContain("Strain").doesNotContain("a lot").doesNotContain("Extremely").doesNotContain("score")
                .doesNotContain("/check-ins/").doesNotContain("Support wanted");
    }

    @Test
    void supervisorRecordsTheSameDayConversationAsHeldFromThePage() {
        String site = unique("site");
        String ana = unique("ana");
        IncidentReported incident = critical(site, minutesAgo(30), ana, List.of(), List.of());
        send(incident);
        awaitFollowUps(incident, 3);
        String supervisor = ReportedIncidents.supervisorOf(incident);
        String sameDay = followUpOf(incident, ana, "SUPERVISOR_CHECK_IN");

        Pages.post(supervisor, "/app/wellness/site", "/app/wellness/site/followups/" + sameDay + "/held", Map.of())
                .then().statusCode(303).header("Location", containsString("/app/wellness/site"));

        given().auth().oauth2(supervisor).when().get("/api/followups/" + sameDay).then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertThat(Pages.html(supervisor, "/app/wellness/site"))
                .contains("data-kind=\"SUPERVISOR_CHECK_IN\" data-status=\"COMPLETED\"").doesNotContain("We talked today");
    }

    @Test
    void onlySupervisorsOpenTheSitePageAndOnlyForTheirOwnSites() {
        String site = unique("site");
        String ana = unique("ana");
        IncidentReported incident = critical(site, minutesAgo(30), ana, List.of(), List.of());
        send(incident);
        awaitFollowUps(incident, 3);
        String sameDay = followUpOf(incident, ana, "SUPERVISOR_CHECK_IN");

        given().auth().oauth2(DirectoryTokens.staff(ana, site)).when().get("/app/wellness/site").then().statusCode(403);
        given().auth().oauth2(DirectoryTokens.director("dir-1", site)).when().get("/app/wellness/site").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin-1")).when().get("/app/wellness/site").then().statusCode(403);
        String elsewhere = DirectoryTokens.supervisor("sup-elsewhere", unique("site"));
        assertThat(Pages.html(elsewhere, "/app/wellness/site")).doesNotContain(ana);
        // a valid CSRF pair (the double-submit token is not tied to a person), posted by the other site's supervisor
        Pages.Opened form = Pages.open(ReportedIncidents.supervisorOf(incident), "/app/wellness/site");
        new Pages.Opened(elsewhere, form.cookie(), form.csrf()).post("/app/wellness/site/followups/" + sameDay + "/held", Map.of())
                .then().statusCode(404);
        given().auth().oauth2(DirectoryTokens.staff(ana, site)).when().get("/api/followups/" + sameDay).then().body("status", equalTo("OPEN"));
    }
}

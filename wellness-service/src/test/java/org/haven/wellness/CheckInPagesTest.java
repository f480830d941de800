package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
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

/** The staff member's own pages: follow-ups, the private check-in form, their result; and no one else's. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class CheckInPagesTest {

    String site;
    String ana;
    String ben;
    String anaToken;
    String followUp;

    @BeforeEach
    void anElopementAnaAndBenWereInvolvedIn() {
        site = unique("site");
        ana = unique("ana");
        ben = unique("ben");
        IncidentReported incident = critical(site, minutesAgo(30), ana, List.of(ben), List.of());
        send(incident);
        awaitFollowUps(incident, 6);
        anaToken = DirectoryTokens.staff(ana, site);
        followUp = followUpOf(incident, ana, "SELF_CHECK_IN_72H");
    }

    private String checkIn(int sleep, int intrusive, int supportWanted) {
        String location = Pages.post(anaToken, "/app/wellness/followups/" + followUp + "/check-in",
                        "/app/wellness/followups/" + followUp + "/check-in",
                        Map.of("wellbeing-check.sleep", sleep, "wellbeing-check.intrusive-thoughts", intrusive,
                                "wellbeing-check.support-wanted", supportWanted))
                .then().statusCode(303).header("Location", containsString("/app/wellness/check-ins/")).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void myFollowUpsListsOnlyMyOwnWithACheckInLinkForEachPrivateOne() {
        String html = Pages.html(anaToken, "/app/wellness");

        assertThat(html).contains("My follow-ups", "Same-day check-in with a supervisor", "Private check-in, about 72 hours after",
                "Private check-in, about a month after", "/app/wellness/followups/" + followUp + "/check-in");
        assertThat(html.split("Check in now", -1)).hasSize(3);
        assertThat(html).doesNotContain(ben).doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)").doesNotContain("style=")
                .contains("<link rel=\"stylesheet\" href=\"/wellness-assets/wellness.css\">");
        given().when().get("/wellness-assets/wellness.css").then().statusCode(200);
    }

    @Test
    void checkInFormLabelsEveryAnswerAndCarriesTheCsrfToken() {
        String html = given().auth().oauth2(anaToken).when().get("/app/wellness/followups/" + followUp + "/check-in")
                .then().statusCode(200).header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();

        assertThat(html).contains("<legend>Since the incident, how much has your sleep been disturbed?</legend>",
                "name=\"wellbeing-check.sleep\"", "name=\"wellbeing-check.intrusive-thoughts\"", "name=\"wellbeing-check.support-wanted\"",
                "Only you will see your answers");
        assertThat(Pages.CSRF_FIELD.matcher(html).find()).isTrue();
        // every radio has a label pointing at it
        java.util.regex.Matcher inputs = java.util.regex.Pattern.compile("<input type=\"radio\" id=\"([^\"]+)\"").matcher(html);
        int radios = 0;
        while (inputs.find()) {
            radios++;
            assertThat(html).contains("<label class=\"choice\" for=\"" + inputs.group(1) + "\">");
        }
        assertThat(radios).isEqualTo(5 + 5 + 3);
    }

    @Test
    void aCheckInOnThePageShowsItsOwnerTheirResultAndSupportOptions() {
        String checkIn = checkIn(3, 2, 2);

        String html = Pages.html(anaToken, "/app/wellness/check-ins/" + checkIn);
        assertThat(html).contains("Your check-in", "Strain since the incident", "<strong class=\"score-value\">5</strong>",
                "of 0–8", "<span class=\"band\">some</span>", "Employee assistance programme", "Time off to recover",
                "A conversation with your supervisor", "I'd like a conversation", "A lot");
        given().auth().oauth2(anaToken).when().get("/api/followups/" + followUp).then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertThat(Pages.html(anaToken, "/app/wellness")).contains("/app/wellness/check-ins/" + checkIn, "See my result");

        // opening the form again leads to the result instead of a second check-in
        given().auth().oauth2(anaToken).redirects().follow(false).when().get("/app/wellness/followups/" + followUp + "/check-in")
                .then().statusCode(303).header("Location", containsString("/app/wellness/check-ins/" + checkIn));
    }

    @Test
    void askingForAConversationFromTheResultIsRecordedOnce() {
        String checkIn = checkIn(1, 1, 0);

        Pages.Opened result = Pages.open(anaToken, "/app/wellness/check-ins/" + checkIn);
        for (int i = 0; i < 2; i++) {
            result.post("/app/wellness/check-ins/" + checkIn + "/conversation", Map.of())
                    .then().statusCode(303).header("Location", containsString("/app/wellness/check-ins/" + checkIn));
        }
        given().auth().oauth2(anaToken).when().get("/api/checkins/" + checkIn).then().statusCode(200).body("conversationRequested", equalTo(true));
        assertThat(Pages.html(anaToken, "/app/wellness/check-ins/" + checkIn)).contains("You asked for a conversation")
                .doesNotContain("id=\"ask\"");
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.haven.wellness.domain.ConversationRequest.count("checkInId", java.util.UUID.fromString(checkIn)))).isEqualTo(1L);
    }

    @Test
    void nobodyElseCanOpenMyCheckInOrItsForm() {
        String checkIn = checkIn(4, 4, 2);
        for (String other : List.of(DirectoryTokens.staff(ben, site), DirectoryTokens.supervisor("sup-" + site, site),
                DirectoryTokens.director("dir-1", site))) {
            given().auth().oauth2(other).when().get("/app/wellness/check-ins/" + checkIn).then().statusCode(404);
            given().auth().oauth2(other).when().get("/app/wellness/followups/" + followUp + "/check-in").then().statusCode(404);
            assertThat(Pages.html(other, "/app/wellness")).doesNotContain(checkIn).doesNotContain(followUp).doesNotContain("Extremely");
        }
        given().auth().oauth2(TestTokens.admin("admin-1")).when().get("/app/wellness/check-ins/" + checkIn).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin-1")).when().get("/app/wellness").then().statusCode(403);
    }

    @Test
    void anAnswerOutOfRangeRedisplaysTheFormAndStoresNothing() {
        String html = Pages.post(anaToken, "/app/wellness/followups/" + followUp + "/check-in", "/app/wellness/followups/" + followUp + "/check-in",
                        Map.of("wellbeing-check.sleep", 9, "wellbeing-check.intrusive-thoughts", 1, "wellbeing-check.support-wanted", 0))
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();

        assertThat(html).contains("id=\"error-summary\"", "wellbeing-check.sleep must be from 0 to 4", "id=\"check-in-form\"");
        given().auth().oauth2(anaToken).when().get("/api/followups/" + followUp).then().statusCode(200).body("status", equalTo("OPEN"));
        given().auth().oauth2(anaToken).when().get("/api/checkins").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
        given().auth().oauth2(anaToken).redirects().follow(false)
                .formParam("wellbeing-check.sleep", 1).formParam("wellbeing-check.intrusive-thoughts", 1).formParam("wellbeing-check.support-wanted", 0)
                .when().post("/app/wellness/followups/" + followUp + "/check-in")
                .then().statusCode(400);
        given().auth().oauth2(anaToken).when().get("/api/followups/" + followUp).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void aBrowserWithoutASessionIsSentToSignIn() {
        given().redirects().follow(false).when().get("/app/wellness")
                .then().statusCode(302)
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("code_challenge_method=S256"));
    }
}

package org.haven.debrief;

import org.haven.testing.AdjustableClock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.RosterFixture.at;
import static org.haven.debrief.RosterFixture.shift;

/** The facilitator page: the circle's structure, CSRF-protected forms, and no inline script or style. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class CirclePageTest extends PeopleOfThisRun {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    AdjustableClock clock;

    String debriefId;

    @BeforeEach
    void aScheduledDebrief() {
        RosterFixture.facilitator(site, facilitator);
        shift(site, facilitator, "2026-11-21T08:00", "2026-11-21T16:00");
        clock.pin(at("2026-11-20T21:41"));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-11-20T21:40"), ana, List.of(ben), List.of());
        IncidentFeed.send(elopement);
        debriefId = awaitDebriefOf(elopement);
        clock.pin(at("2026-11-21T09:00"));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void facilitatorPageShowsTheCircleStructureWithoutInlineScriptOrStyle() {
        String html = given().auth().oauth2(TestTokens.staff(facilitator, site))
                .when().get("/app/debriefs/" + debriefId)
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .extract().asString();

        assertThat(html).contains("Opening and check-in", "What happened — the facts", "Reactions and impact",
                "What helped and what did not", "Shared values and purpose", "Support needs", "Agreed actions",
                "sharing is voluntary", ana, ben);
        assertThat(html).contains("<script src=\"/debrief-assets/circle.js\"").doesNotContain("<script>").doesNotContain("style=");
        assertThat(html).doesNotContain("C-7F3K");
        assertThat(CSRF_FIELD.matcher(html).find()).as("every form carries the CSRF token").isTrue();
        given().when().get("/debrief-assets/circle.js").then().statusCode(200);
        given().when().get("/debrief-assets/circle.css").then().statusCode(200);
    }

    @Test
    void holdingTheCircleFromThePageRecordsAttendanceAndOpensMakeUps() {
        String token = TestTokens.staff(facilitator, site);
        Response page = given().auth().oauth2(token).when().get("/app/debriefs/" + debriefId);
        String csrf = csrfFieldOf(page.asString());

        given().auth().oauth2(token).redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .formParam("csrf-token", csrf)
                .formParam("attendee", ana)
                .formParam("whatHappened", "Client left through the side door")
                .formParam("actionDescription", "Fix the door alarm").formParam("actionOwner", ana).formParam("actionDue", "2026-11-28")
                .formParam("actionDescription", "").formParam("actionOwner", "").formParam("actionDue", "")
                .when().post("/app/debriefs/" + debriefId + "/held")
                .then().statusCode(303).header("Location", containsString("/app/debriefs/" + debriefId));

        given().auth().oauth2(token).when().get("/api/debriefs/" + debriefId + "/circle")
                .then().statusCode(200)
                .body("status", equalTo("HELD"))
                .body("attendeeIds", equalTo(List.of(ana)))
                .body("makeUpConversations.staffId", equalTo(List.of(ben)))
                .body("actions.description", equalTo(List.of("Fix the door alarm")));
        given().auth().oauth2(token).when().get("/app/debriefs/" + debriefId)
                .then().statusCode(200).body(containsString("Client left through the side door"))
                .body(not(containsString("id=\"circle-form\"")));
    }

    @Test
    void formPostWithoutTheCsrfTokenIsRefused() {
        given().auth().oauth2(TestTokens.staff(facilitator, site)).redirects().follow(false)
                .formParam("attendee", ana)
                .when().post("/app/debriefs/" + debriefId + "/held")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.director("dir-1", site)).when().get("/api/debriefs/" + debriefId)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void participantWhoIsNotTheFacilitatorCannotOpenThePage() {
        given().auth().oauth2(TestTokens.staff(ana, site)).when().get("/app/debriefs/" + debriefId).then().statusCode(403);
        given().auth().oauth2(TestTokens.staff("stranger", site)).when().get("/app/debriefs/" + debriefId).then().statusCode(404);
    }

    @Test
    void browserWithoutASessionIsSentToSignIn() {
        given().redirects().follow(false).when().get("/app/debriefs/" + debriefId)
                .then().statusCode(302)
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    private static String csrfFieldOf(String html) {
        Matcher field = CSRF_FIELD.matcher(html);
        assertThat(field.find()).isTrue();
        return field.group(1);
    }
}

package org.haven.local.debrief;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import org.haven.local.DemoTokens;
import org.haven.local.PlatformExtension;
import org.haven.local.BrowserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facilitator page in real headless Chromium against the whole platform: an elopement reported over
 * HTTP gets its debrief; the site supervisor signs in through the local identity provider, runs the
 * circle on the page with one required participant absent, and settles the agreed action.
 */
@ExtendWith(PlatformExtension.class)
class DebriefCircleIT {

    private static final String SITE = "site-north";
    private static final String SUPERVISOR = "sup-north";

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.window(1024, 900);

    private Page page;

    @BeforeEach
    void openBrowser() {
        page = browser.page();
    }

    @Test
    void supervisorRunsTheCircleOnThePageAndTheAbsentParticipantGetsAMakeUpConversation() {
        String incidentId = reportElopement();
        String debriefId = awaitDebriefOf(incidentId);

        browser.signIn(debriefService() + "/app/debriefs/" + debriefId, SUPERVISOR);
        page.waitForURL(Pattern.compile(".*/app/debriefs/" + debriefId + "$"));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Restorative debrief"))).isVisible();
        for (String part : List.of("Opening and check-in", "What happened — the facts", "Reactions and impact",
                "What helped and what did not", "Shared values and purpose", "Support needs", "Agreed actions")) {
            assertThat(page.getByText(part, new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        }
        page.locator("input[name=attendee][value=staff-ana]").check();
        page.locator("input[name=attendee][value=sup-north]").check();
        page.locator("#whatHappened").fill("The client left during the evening walk; the team searched and called the police.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another action")).click();
        assertThat(page.locator("input[name=actionDescription]")).hasCount(2);
        page.locator("input[name=actionDescription]").first().fill("Walk route risk check before evening outings");
        page.locator("select[name=actionOwner]").first().selectOption(SUPERVISOR);
        page.locator("input[name=actionDue]").first().fill(LocalDate.ofInstant(PlatformExtension.now(), ZoneOffset.UTC).plusDays(7).toString());
        page.locator("#hold").click();

        page.waitForURL(Pattern.compile(".*/app/debriefs/" + debriefId + "$"));
        assertThat(page.locator("#record")).containsText("Missed (make-up conversation owed): staff-ben");
        assertThat(page.locator("#record")).containsText("the team searched and called the police");
        assertThat(page.locator("#action-list")).containsText("Walk route risk check before evening outings");
        JsonPath circle = asSupervisor().when().get(debriefService() + "/api/debriefs/" + debriefId + "/circle")
                .then().statusCode(200).extract().jsonPath();
        assertThat(circle.getString("status")).isEqualTo("HELD");
        assertThat(circle.getList("makeUpConversations.staffId", String.class)).contains("staff-ben");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();
        assertThat(page.locator(".action-status").first()).hasText("DONE");
        asSupervisor().when().get(debriefService() + "/api/debriefs/" + debriefId)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CLOSED"));
    }

    private static String reportElopement() {
        String body = """
                {"siteId":"%1$s","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%2$s",
                 "summary":"Client left during the evening walk and did not come back",
                 "lastSeen":{"at":"%2$s","place":"Corner of the park","clothing":"Red coat"},
                 "involvedStaffIds":["staff-ana","staff-ben"],"witnessIds":[],"clientCodes":["C-9Q2WP"]}"""
                .formatted(SITE, PlatformExtension.now().minus(5, ChronoUnit.MINUTES));
        return given().auth().oauth2(DemoTokens.of("staff-ana")).contentType("application/json").body(body)
                .when().post(PlatformExtension.platform().service("incident-service").baseUrl() + "/api/incidents")
                .then().statusCode(201).extract().path("id");
    }

    private static String awaitDebriefOf(String incidentId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !debriefsOf(incidentId).isEmpty());
        return (String) debriefsOf(incidentId).get(0).get("id");
    }

    private static List<Map<String, Object>> debriefsOf(String incidentId) {
        return asSupervisor().queryParam("incidentId", incidentId).when().get(debriefService() + "/api/debriefs")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static io.restassured.specification.RequestSpecification asSupervisor() {
        return given().auth().oauth2(DemoTokens.of(SUPERVISOR));
    }

    private static String debriefService() {
        return PlatformExtension.platform().service("debrief-service").baseUrl();
    }
}

package org.haven.local.wellness;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.haven.local.DemoTokens;
import org.haven.local.BrowserSession;
import org.haven.local.PlatformExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The private self check-in in real headless Chromium on a phone (390×844, touch), against the whole
 * platform: an elopement reported over HTTP opens staff-ana's follow-ups; she signs in through the local
 * identity provider, checks in by tapping, and sees her own result and the support options.
 */
@ExtendWith(PlatformExtension.class)
class WellnessCheckInIT {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.phone();

    private Page page;

    @BeforeEach
    void phone() {
        page = browser.page();
    }

    @Test
    void staffMemberChecksInOnAPhoneAndSeesTheirResultAndSupportOptions() {
        String incidentId = reportElopement();
        String followUp = awaitAnasFollowUp(incidentId, "SELF_CHECK_IN_72H");

        browser.signIn(wellnessService() + "/app/wellness", "staff-ana");
        page.waitForURL(Pattern.compile(".*/app/wellness$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My follow-ups"))).isVisible();
        browser.screenshot("wellness-01-my-follow-ups");

        page.locator("a[href='/app/wellness/followups/" + followUp + "/check-in']").tap();
        page.waitForURL(Pattern.compile(".*/app/wellness/followups/" + followUp + "/check-in$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Private check-in"))).isVisible();
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= 390")).isEqualTo(true);
        assertThat(page.evaluate("() => [...document.querySelectorAll('#check-in-form input[type=radio]')]"
                + ".every(e => e.labels && e.labels.length > 0)")).isEqualTo(true);

        // answers chosen by tapping their labels, as a thumb would
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Since the incident, how much has your sleep been disturbed?"))
                .getByText("A lot").tap();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(
                        "How much have unwanted thoughts, images or memories of the incident come back to you?"))
                .getByText("Somewhat").tap();
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Would you like some support right now?"))
                .getByText("Yes", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).tap();
        browser.screenshot("wellness-02-check-in-form");
        double sendHeight = page.locator("#send").boundingBox().height;
        assertThat(sendHeight).isGreaterThanOrEqualTo(48);
        page.locator("#send").tap();

        page.waitForURL(Pattern.compile(".*/app/wellness/check-ins/[0-9a-f-]+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your check-in"))).isVisible();
        // sleep 3 + unwanted memories 2 = strain 5 of 8: "some"
        assertThat(page.locator("#result .score").first()).containsText("5");
        assertThat(page.locator("#result .score").first()).containsText("some");
        assertThat(page.locator("#support")).containsText("Employee assistance programme");
        assertThat(page.locator("#support")).containsText("Time off to recover");
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= 390")).isEqualTo(true);
        browser.screenshot("wellness-03-result-and-support");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I'd like a conversation")).tap();
        assertThat(page.locator("#conversation-asked")).containsText("You asked for a conversation");
        browser.screenshot("wellness-04-conversation-asked");

        String checkInId = page.url().substring(page.url().lastIndexOf('/') + 1);
        given().auth().oauth2(DemoTokens.of("staff-ana")).when().get(wellnessService() + "/api/checkins/" + checkInId)
                .then().statusCode(200)
                .body("followUpId", org.hamcrest.Matchers.equalTo(followUp))
                .body("results[0].scores[0].score", org.hamcrest.Matchers.equalTo(5))
                .body("conversationRequested", org.hamcrest.Matchers.equalTo(true));
        // her supervisor learns that the check-in happened, and can not open it
        given().auth().oauth2(DemoTokens.of("sup-north")).when().get(wellnessService() + "/api/followups/" + followUp)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("COMPLETED"));
        given().auth().oauth2(DemoTokens.of("sup-north")).when().get(wellnessService() + "/app/wellness/check-ins/" + checkInId)
                .then().statusCode(404);
    }

    private static String wellnessService() {
        return PlatformExtension.platform().service("wellness-service").baseUrl();
    }

    private static String reportElopement() {
        String body = """
                {"siteId":"site-north","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%1$s",
                 "summary":"Client did not come back from the shop",
                 "lastSeen":{"at":"%1$s","place":"High street","clothing":"Blue hoodie"},
                 "involvedStaffIds":["staff-ben"],"witnessIds":[],"clientCodes":["C-4H8MN"]}"""
                .formatted(PlatformExtension.now().minus(10, ChronoUnit.MINUTES));
        return given().auth().oauth2(DemoTokens.of("staff-ana")).contentType("application/json").body(body)
                .when().post(PlatformExtension.platform().service("incident-service").baseUrl() + "/api/incidents")
                .then().statusCode(201).extract().path("id");
    }

    private static String awaitAnasFollowUp(String incidentId, String kind) {
        await().atMost(Duration.ofSeconds(60)).until(() -> anasFollowUps(incidentId).stream().anyMatch(f -> kind.equals(f.get("kind"))));
        return (String) anasFollowUps(incidentId).stream().filter(f -> kind.equals(f.get("kind"))).findFirst().orElseThrow().get("id");
    }

    private static List<Map<String, Object>> anasFollowUps(String incidentId) {
        return given().auth().oauth2(DemoTokens.of("staff-ana")).queryParam("incidentId", incidentId)
                .when().get(wellnessService() + "/api/followups")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}

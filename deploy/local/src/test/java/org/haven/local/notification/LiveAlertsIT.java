package org.haven.local.notification;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import org.haven.local.ClientCodes;
import org.haven.local.DemoTokens;
import org.haven.local.PlatformExtension;
import org.haven.local.BrowserSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's live alerts page in real headless Chromium, signed in through the local identity
 * provider as sup-north, against the whole platform: a new elopement at North House appears without a
 * reload, and acknowledging it there stops the escalation for everyone.
 */
@ExtendWith(PlatformExtension.class)
class LiveAlertsIT {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.window(1280, 900);

    private static String url(String service, String path) {
        return PlatformExtension.platform().service(service).baseUrl() + path;
    }

    private static String elopement() {
        return """
                {"siteId":"site-north","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%1$s",
                 "summary":"Client did not come back from the garden",
                 "lastSeen":{"at":"%1$s","place":"Garden gate","clothing":"Blue hoodie"},
                 "involvedStaffIds":["staff-ana"],"witnessIds":[],"clientCodes":["%2$s"]}"""
                .formatted(PlatformExtension.now().minus(3, ChronoUnit.MINUTES), ClientCodes.of(UUID.randomUUID().toString().substring(0, 6)));
    }

    @Test
    void supervisorSeesANewElopementLiveAndAcknowledgesIt() {
        Page page = browser.page();
        browser.signIn(url("notification-service", "/app/alerts"), "sup-north");
        try {
            page.waitForURL(Pattern.compile(".*/app/alerts$"));
        } catch (RuntimeException e) {
            throw new AssertionError("Not back on /app/alerts after signing in but at " + page.url() + ": "
                    + page.content().substring(0, Math.min(2000, page.content().length())), e);
        }
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alerts for Sam Rivera"))).isVisible();
        assertThat(page.locator("#connection")).hasText("Live");
        // The list is filled by a fetch after the stream opens: wait for it to show every earlier alert.
        int before = supervisorsOwnAlerts();
        assertThat(page.locator("li.alert")).hasCount(before);

        String incidentId = given().auth().oauth2(DemoTokens.of("staff-ana")).contentType("application/json").body(elopement())
                .when().post(url("incident-service", "/api/incidents"))
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !alertsOf(incidentId).isEmpty());
        Map<String, Object> alert = alertsOf(incidentId).get(0);
        Locator card = page.locator("#alert-" + alert.get("id"));
        assertThat(card).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        Instant onPage = PlatformExtension.now();
        assertThat(page.locator("li.alert")).hasCount(before + 1);
        assertThat(card.getByRole(AriaRole.HEADING)).hasText("Elopement at North House");
        assertThat(card).not().containsText("C-");

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(card.locator(".handled")).hasText("Handled by Sam Rivera");
        assertThat(card.getByRole(AriaRole.BUTTON)).hasCount(0);

        JsonPath detail = given().auth().oauth2(DemoTokens.of("sup-north")).when().get(url("notification-service", "/api/alerts/" + alert.get("id")))
                .then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(detail.getString("acknowledgedBy")).isEqualTo("sup-north");
        Instant raised = Instant.parse(detail.getString("raisedAt"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(DemoTokens.of("sup-north"))
                .when().get(url("notification-service", "/api/alerts/" + alert.get("id"))).then().extract().jsonPath()
                .getList("deliveries.findAll { it.kind == 'ALERT' && it.channel == 'EMAIL' }.sentAt").stream().anyMatch(s -> s != null));
        JsonPath sent = given().auth().oauth2(DemoTokens.of("sup-north")).when().get(url("notification-service", "/api/alerts/" + alert.get("id")))
                .then().extract().jsonPath();
        Instant emailed = Instant.parse(sent.getString("deliveries.find { it.kind == 'ALERT' && it.channel == 'EMAIL' }.sentAt"));
        System.out.printf("%nAlert latency from event consumed (alert raised %s): email accepted by SMTP %d ms, shown on the live page <= %d ms%n",
                raised, Duration.between(raised, emailed).toMillis(), Duration.between(raised, onPage).toMillis());
    }


    /** sup-north's own alerts at North House, as the page lists them (the API shows the whole site's). */
    private static int supervisorsOwnAlerts() {
        int count = 0;
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = given().auth().oauth2(DemoTokens.of("sup-north")).queryParam("site", "site-north")
                    .queryParam("size", 100).queryParam("page", page)
                    .when().get(url("notification-service", "/api/alerts")).then().statusCode(200).extract().jsonPath().getList("items");
            count += (int) items.stream().filter(a -> "sup-north".equals(a.get("recipientId"))).count();
            if (items.size() < 100) {
                return count;
            }
        }
    }

    private static List<Map<String, Object>> alertsOf(String incidentId) {
        return given().auth().oauth2(DemoTokens.of("sup-north")).queryParam("incidentId", incidentId)
                .when().get(url("notification-service", "/api/alerts")).then().statusCode(200).extract().jsonPath().getList("items");
    }
}

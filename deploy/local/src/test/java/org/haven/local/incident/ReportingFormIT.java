package org.haven.local.incident;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import org.haven.local.ClientCodes;
import org.haven.local.DemoTokens;
import org.haven.local.PlatformExtension;
import org.haven.local.BrowserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone reporting page in real headless Chromium on a phone viewport, signed in through the local
 * identity provider as staff-ana, against the whole platform. Every check of "stored" reads the API.
 */
@ExtendWith(PlatformExtension.class)
class ReportingFormIT {

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.phone();

    private BrowserContext context;
    private Page page;
    private Instant started;

    @BeforeEach
    void phone() {
        started = PlatformExtension.now().minusSeconds(5);
        context = browser.context();
        page = browser.page();
        page.onDialog(dialog -> {
            throw new AssertionError("The page opened a dialog: " + dialog.message());
        });
    }

    private static String incidentService() {
        return PlatformExtension.platform().service("incident-service").baseUrl();
    }

    private void signInAsAna() {
        browser.signIn(incidentService() + "/app", "staff-ana");
        page.waitForURL(Pattern.compile(".*/app$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report an incident"))).isVisible();
    }

    /** Ana's recent elopements (occurred within 2 h; the form's times are to the minute) last seen at {@code place}, from the API. */
    private List<Map<String, Object>> anasElopementsAt(String place) {
        JsonPath page = given().auth().oauth2(DemoTokens.of("staff-ana"))
                .queryParam("type", "ELOPEMENT").queryParam("from", started.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .queryParam("size", 100)
                .when().get(incidentService() + "/api/incidents").then().statusCode(200).extract().jsonPath();
        return page.<Map<String, Object>>getList("items").stream()
                .filter(i -> i.get("lastSeen") instanceof Map<?, ?> seen && place.equals(seen.get("place")))
                .toList();
    }

    private void fillMissingClient(String place) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("A client is missing")).tap();
        com.microsoft.playwright.Locator form = page.locator("#missing-form");
        form.getByLabel("Client code").fill(ClientCodes.of("7F3K"));
        form.getByLabel("Last seen where").fill(place);
        form.getByLabel("Clothing").fill("Red jacket, black jeans");
        form.getByLabel("Under 18").check();
    }

    @Test
    void clientMissingPathIsCompletedInUnder30SecondsAndStartsTheCriticalResponse() {
        signInAsAna();
        browser.screenshot("01-start");
        String place = "Bus stop " + UUID.randomUUID();

        long tapped = System.nanoTime();
        fillMissingClient(place);
        browser.screenshot("02-client-missing");
        page.locator("#missing-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send report")).tap();
        assertThat(page.locator("#result")).hasAttribute("data-status", "CRITICAL_RESPONSE_STARTED");
        Duration took = Duration.ofNanos(System.nanoTime() - tapped);
        System.out.printf("%nClient-missing path, first tap to 'critical response started' (scripted input): %d ms%n", took.toMillis());
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        assertThat(page.locator("#result")).containsText("Critical response started");
        assertThat(page.locator("#mine li").first()).containsText("critical response started");
        browser.screenshot("03-received");

        List<Map<String, Object>> stored = anasElopementsAt(place);
        assertThat(stored).hasSize(1);
        Map<String, Object> incident = stored.get(0);
        assertThat(incident.get("critical")).isEqualTo(true);
        assertThat(incident.get("clientCodes")).isEqualTo(List.of(ClientCodes.of("7F3K")));
        assertThat(incident.get("riskFlags")).isEqualTo(Map.of("minor", true, "highRiskOfTrafficking", false, "medicalNeeds", false));
        given().auth().oauth2(DemoTokens.of("staff-ana")).when().get(incidentService() + "/api/incidents/" + incident.get("id") + "/checklist")
                .then().statusCode(200).extract().jsonPath().getList("ruleId").contains("ncmec");
    }

    @Test
    void fullFormNamesEveryInvalidFieldThenStoresTheReportWithScriptAsText() {
        signInAsAna();
        com.microsoft.playwright.Locator full = page.locator("#full-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report another incident")).tap();
        full.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send report")).tap();

        assertThat(page.locator("#error-summary")).isVisible();
        assertThat(page.locator("#error-list li")).hasCount(3);
        assertThat(page.locator("#error-list")).containsText("Type");
        assertThat(page.locator("#error-list")).containsText("Severity");
        assertThat(page.locator("#error-list")).containsText("What happened");
        assertThat(full.getByLabel("What happened (facts only)")).hasAttribute("aria-invalid", "true");
        browser.screenshot("04-full-form-validation");

        String place = "Garden gate " + UUID.randomUUID();
        full.getByLabel("Type", new Locator.GetByLabelOptions().setExact(true)).selectOption("ELOPEMENT");
        full.locator("input[name=severity][value=HIGH]").check();
        full.getByLabel("What happened (facts only)").fill("<script>window.pwned = true; alert('x')</script> Left through the garden");
        full.getByLabel("Client codes").fill(ClientCodes.of("9AA1"));
        full.getByLabel("Last seen where").fill(place);
        full.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send report")).tap();

        // the server names what the phone cannot check: the elopement's missing time and clothing
        assertThat(page.locator("#error-list")).containsText("Last seen at");
        assertThat(page.locator("#error-list")).containsText("Clothing");
        assertThat(page.locator("#error-list li")).hasCount(2);
        browser.screenshot("05-full-form-server-validation");

        full.getByLabel("Last seen at").fill(java.time.LocalDateTime.ofInstant(PlatformExtension.now(), java.time.ZoneId.systemDefault()).minusMinutes(20).withSecond(0).withNano(0).toString());
        full.getByLabel("Clothing", new Locator.GetByLabelOptions().setExact(true)).fill("Green coat");
        full.getByLabel("Search steps taken").fill("Walked both streets; checked the park");
        full.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send report")).tap();
        assertThat(page.locator("#result")).hasAttribute("data-status", "CRITICAL_RESPONSE_STARTED");
        assertThat(page.locator("#error-summary")).isHidden();

        List<Map<String, Object>> stored = anasElopementsAt(place);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("summary")).isEqualTo("<script>window.pwned = true; alert('x')</script> Left through the garden");
        assertThat(stored.get(0).get("clientCodes")).isEqualTo(List.of(ClientCodes.of("9AA1")));
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void aReportMadeWithoutSignalIsKeptOnThePhoneAndStoredOnceWhenSignalReturns() {
        signInAsAna();
        String place = "Corner shop " + UUID.randomUUID();
        context.setOffline(true);
        fillMissingClient(place);
        page.locator("#missing-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send report")).tap();

        assertThat(page.locator("#result")).containsText("Saved on this phone");
        assertThat(page.locator("#connection")).containsText("1 report is waiting to be sent");
        assertThat(page.evaluate("() => (JSON.parse(localStorage.getItem('haven.unsent-reports.v2:staff-ana')) || []).length")).isEqualTo(1);
        browser.screenshot("06-offline-saved");
        assertThat(anasElopementsAt(place)).isEmpty();

        context.setOffline(false);
        assertThat(page.locator("#result")).hasAttribute("data-status", "CRITICAL_RESPONSE_STARTED");
        assertThat(page.locator("#connection")).isEmpty();
        assertThat(page.evaluate("() => (JSON.parse(localStorage.getItem('haven.unsent-reports.v2:staff-ana')) || []).length")).isEqualTo(0);
        assertThat(anasElopementsAt(place)).hasSize(1);
    }

    @Test
    void aReplyLostOnTheWayIsResentWithTheSameKeyAndStoredOnce() {
        signInAsAna();
        String place = "Station " + UUID.randomUUID();
        AtomicBoolean firstLost = new AtomicBoolean();
        page.route("**/app/api/incidents", route -> {
            if ("POST".equals(route.request().method()) && firstLost.compareAndSet(false, true)) {
                route.fetch();   // the server stores it...
                route.abort();   // ...but the phone never hears back
            } else {
                route.resume();
            }
        });
        fillMissingClient(place);
        page.locator("#missing-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send report")).tap();
        assertThat(page.locator("#result")).containsText("Saved on this phone");

        // the page retries on its own (every 15 s) with the report's Idempotency-Key
        assertThat(page.locator("#result")).hasAttribute("data-status", "CRITICAL_RESPONSE_STARTED",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(40_000));
        assertThat(firstLost).isTrue();
        assertThat(anasElopementsAt(place)).hasSize(1);
    }

    @Test
    void thePageWorksAt320PixelsWithoutSidewaysScrolling() {
        page.setViewportSize(320, 640);
        signInAsAna();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report another incident")).tap();
        page.locator("#f-type").selectOption("ELOPEMENT");
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= 320")).isEqualTo(true);
        double sendHeight = page.locator("#full-form button[type=submit]").boundingBox().height;
        assertThat(sendHeight).isGreaterThanOrEqualTo(48);
        browser.screenshot("07-full-form-320px");

        // keyboard only: Tab reaches the type field and every control has an accessible name
        assertThat(page.evaluate("() => [...document.querySelectorAll('#full-form input:not([type=hidden]), #full-form select, #full-form textarea')]"
                + ".every(e => e.labels && e.labels.length > 0)")).isEqualTo(true);
    }
}

package org.haven.local.phone;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import org.haven.local.BrowserSession;
import org.haven.local.ClientCodes;
import org.haven.local.DemoTokens;
import org.haven.local.PlatformExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One phone, two people, one browser: Ana reports without getting through, hands the phone to Ben, and Ben's
 * page neither shows nor sends anything of hers — with a sign-out (warned, because of the unsent report) and
 * without one (her session simply gone). Real headless Chromium at 390 px against the whole platform, signed in
 * through the local identity provider; "stored" is read from the API.
 */
@ExtendWith(PlatformExtension.class)
class SharedPhoneIT {

    /** The signed-out page, as the provider sends the browser back to it (with the logout's state). */
    private static final Pattern SIGNED_OUT = Pattern.compile(".*/signed-out(\\?state=[^&]*)?$");

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.phone();

    private Page page;

    @BeforeEach
    void phone() {
        page = browser.page();
        page.onDialog(dialog -> {
            throw new AssertionError("The page opened a dialog: " + dialog.message());
        });
    }

    private static String incidentService() {
        return PlatformExtension.platform().service("incident-service").baseUrl();
    }

    private void signIn(String username) {
        browser.signIn(incidentService() + "/app", username);
        page.waitForURL(Pattern.compile(".*/app$"));
        assertThat(page.locator(".who")).hasText("Signed in as " + username);
    }

    /** A report whose sending never gets through (one bar of signal: the phone thinks it is online). */
    private void reportWithoutGettingThrough(String place) {
        page.route("**/app/api/incidents", route -> {
            if ("POST".equals(route.request().method())) {
                route.abort();
            } else {
                route.resume();
            }
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("A client is missing")).tap();
        Locator form = page.locator("#missing-form");
        form.getByLabel("Client code").fill(ClientCodes.of("5HRD"));
        form.getByLabel("Last seen where").fill(place);
        form.getByLabel("Clothing").fill("Grey hoodie");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send report")).tap();
        assertThat(page.locator("#result")).containsText("Saved on this phone");
        assertThat(page.locator("#connection")).containsText("1 report is waiting to be sent");
        page.unrouteAll();
    }

    /** Elopements at site-north last seen at {@code place} in the last two hours, as the site's supervisor reads them. */
    private static List<Map<String, Object>> storedAt(String place) {
        JsonPath found = given().auth().oauth2(DemoTokens.of("sup-north"))
                .queryParam("type", "ELOPEMENT").queryParam("size", 100)
                .queryParam("from", PlatformExtension.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS).toString())
                .when().get(incidentService() + "/api/incidents").then().statusCode(200).extract().jsonPath();
        return found.<Map<String, Object>>getList("items").stream()
                .filter(i -> i.get("lastSeen") instanceof Map<?, ?> seen && place.equals(seen.get("place")))
                .toList();
    }

    private Object storedQueue(String person) {
        return page.evaluate("name => localStorage.getItem(name)", "haven.unsent-reports.v2:" + person);
    }

    @Test
    void signingOutWithAnUnsentReportWarnsThenLeavesTheNextPersonNothingOfIt() {
        signIn("staff-ana");
        Locator signOut = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign out"));
        assertThat(signOut).isVisible();
        assertThat(signOut.boundingBox().height).isGreaterThanOrEqualTo(44);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= 390")).isEqualTo(true);
        browser.screenshot("shared-phone-01-sign-out");

        String place = "Laundrette " + UUID.randomUUID();
        reportWithoutGettingThrough(place);

        signOut.tap();
        Locator warning = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(warning).containsText("1 report is saved on this phone but not sent yet");
        assertThat(warning).containsText("deleted from this phone and never sent");
        browser.screenshot("shared-phone-02-unsent-warning");

        warning.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stay signed in")).tap();
        assertThat(warning).isHidden();
        assertThat(page.locator(".who")).hasText("Signed in as staff-ana");
        assertThat(storedQueue("staff-ana")).isNotNull();

        signOut.tap();
        warning.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out and delete them")).tap();
        page.waitForURL(SIGNED_OUT);
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("You are signed out");
        assertThat(storedQueue("staff-ana")).isNull();
        browser.screenshot("shared-phone-03-signed-out");

        // The provider's session ended too: "Sign in" asks for a password again, and Ben gives his.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).tap();
        assertThat(page.locator("#username")).isVisible();
        signIn("staff-ben");
        assertThat(page.locator("#connection")).isEmpty();
        assertThat(page.locator("#others-waiting")).isHidden();
        assertThat(page.locator("body")).not().containsText("staff-ana");
        assertThat(page.locator("body")).not().containsText(place);

        // Back through the history: every page is fetched again (no-store), so nothing of Ana's comes back.
        for (int step = 0; step < 3; step++) {   // the login form, the signed-out page, Ana's report page
            page.goBack();
            assertThat(page.locator("body")).not().containsText("Signed in as staff-ana");
            assertThat(page.locator("body")).not().containsText(place);
        }
        assertThat(storedAt(place)).isEmpty();
    }

    @Test
    void aReportLeftBySomeoneWhoDidNotSignOutIsNeverSentForTheNextPersonButForItsAuthor() {
        signIn("staff-ana");
        String place = "Canal path " + UUID.randomUUID();
        reportWithoutGettingThrough(place);

        // Ana's session ends without a sign-out (it expired; the phone was handed on) and Ben signs in.
        browser.context().clearCookies();
        signIn("staff-ben");
        assertThat(page.locator("#others-waiting")).containsText("1 report saved on this phone by someone else");
        assertThat(page.locator("#connection")).isEmpty();
        assertThat(page.locator("#mine")).not().containsText("Waiting for signal");
        assertThat(page.locator("body")).not().containsText(place);
        browser.screenshot("shared-phone-04-someone-elses-report-waiting");

        // Ben's own report goes through, and Ana's, still on the phone, was not sent with it.
        String bens = "Bus shelter " + UUID.randomUUID();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("A client is missing")).tap();
        Locator form = page.locator("#missing-form");
        form.getByLabel("Client code").fill(ClientCodes.of("8BEN"));
        form.getByLabel("Last seen where").fill(bens);
        form.getByLabel("Clothing").fill("Blue cap");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send report")).tap();
        assertThat(page.locator("#result")).hasAttribute("data-status", "CRITICAL_RESPONSE_STARTED");
        assertThat(storedAt(bens)).singleElement().extracting(i -> i.get("reporterId")).isEqualTo("staff-ben");
        assertThat(storedAt(place)).isEmpty();
        assertThat(storedQueue("staff-ana")).isNotNull();

        // Ben signs out (nothing unsent: no warning); Ana signs in again and her report is sent under her name.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign out")).tap();
        page.waitForURL(SIGNED_OUT);
        signIn("staff-ana");
        assertThat(page.locator("#result")).hasAttribute("data-status", "CRITICAL_RESPONSE_STARTED");
        assertThat(storedAt(place)).singleElement().extracting(i -> i.get("reporterId")).isEqualTo("staff-ana");
        assertThat(page.locator("#others-waiting")).isHidden();
    }
}

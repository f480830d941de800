package org.haven.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in against a real Keycloak (Maven Central's distribution, no Docker) that imports the realm
 * {@code deploy/kubernetes} ships, with incident- and notification-service in their prod profile trusting it:
 * Keycloak's own login page, roles and sites from its tokens, a one-time password required of a director (set up on
 * first sign-in) and not of staff, a token for another client of the realm refused, and sign-out through Keycloak's
 * end-session endpoint. One Keycloak and one platform for the whole class.
 */
class KeycloakSignInIT {

    private static final Path ROOT = Path.of(System.getProperty("haven.root", "../..")).toAbsolutePath().normalize();
    private static final String CLIENT_ID = "haven";
    private static final String CLIENT_SECRET = UUID.randomUUID().toString();
    private static final String OTHER_CLIENT_SECRET = UUID.randomUUID().toString();
    private static final String PROBE_SECRET = UUID.randomUUID().toString();
    // Passwords made per run, long enough for the shipped policy (12+, not the username).
    private static final String STAFF = "kc-staff";
    private static final String STAFF_PASSWORD = "Staff-" + UUID.randomUUID();
    private static final String SUPERVISOR = "kc-supervisor";
    private static final String SUPERVISOR_PASSWORD = "Super-" + UUID.randomUUID();
    private static final String DIRECTOR = "kc-director";
    private static final String DIRECTOR_PASSWORD = "Director-" + UUID.randomUUID();
    /**
     * Keycloak checks one-time passwords against its own clock, the real one of this machine, so the test's
     * authenticator app must read that clock too (the one place these tests do): codes are only ever compared
     * with Keycloak's, never used to decide what the services do.
     */
    private static final Clock KEYCLOAKS_CLOCK = Clock.systemUTC();

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.window(1280, 900);

    private static RealKeycloak keycloak;
    private static HavenPlatform platform;
    private static Path data;

    @BeforeAll
    static void keycloakAndServices() throws Exception {
        long t0 = System.nanoTime();
        keycloak = RealKeycloak.start();
        data = Files.createTempDirectory("haven-keycloak-e2e");
        PlatformLayout layout = new PlatformLayout(ROOT, data, freePort(), freePort(), freePort(), 0, 0,
                freePort(), freePort(), freePort(), freePort());
        ShippedRealm realm = ShippedRealm.read(ROOT, CLIENT_ID, CLIENT_SECRET)
                .redirectingTo(List.of("http://localhost:" + layout.incidentPort(), "http://localhost:" + layout.notificationPort()), CLIENT_ID)
                .withSiteGroups("maple-house", "oak-house")
                .withPerson(STAFF, STAFF_PASSWORD, "staff", "maple-house")
                .withPerson(SUPERVISOR, SUPERVISOR_PASSWORD, "supervisor", "oak-house")
                .withPerson(DIRECTOR, DIRECTOR_PASSWORD, "director", "maple-house", "oak-house")
                .withOtherClient("payroll", OTHER_CLIENT_SECRET, null)
                .withOtherClient("haven-probe", PROBE_SECRET, CLIENT_ID);
        keycloak.createRealm(realm.json());
        platform = new HavenPlatform(layout, List.of("incident-service", "notification-service"))
                .production(new HavenPlatform.ExternalIdentity(keycloak.issuer("haven"), CLIENT_ID, CLIENT_SECRET))
                .start();
        System.out.printf("%nKeycloak ready in %.1f s; Keycloak, realm and two services in prod profile ready in %.1f s%n",
                keycloak.startedIn().toMillis() / 1000.0, (System.nanoTime() - t0) / 1e9);
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (data != null) {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String incident() {
        return "http://localhost:" + platform.service("incident-service").port();
    }

    private static String notification() {
        return "http://localhost:" + platform.service("notification-service").port();
    }

    /** Opens {@code url}, lands on Keycloak's own login form for realm haven, and signs in there. */
    private void signInOnKeycloak(String url, String username, String password) {
        Page page = browser.page();
        page.navigate(url);
        assertKeycloakLoginPage(page);
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.waitForNavigation(() -> page.locator("#kc-login").click());
        page.waitForURL(url);
    }

    private static void assertKeycloakLoginPage(Page page) {
        // Playwright runs the pattern as a JavaScript regex, which has no \Q...\E quoting: escape by hand.
        String issuer = keycloak.issuer("haven").replaceAll("[.:/]", "\\\\$0");
        assertThat(page).hasURL(Pattern.compile("^" + issuer + "/(protocol/openid-connect/auth|login-actions/).*"));
        assertThat(page.locator("#kc-form-login")).isVisible();
        assertThat(page).hasTitle(Pattern.compile("Haven"));
    }

    /** Opens {@code url}, signs in on Keycloak's login form with the password, and stays on Keycloak's next page. */
    private Page passwordOnKeycloak(String url, String username, String password) {
        Page page = browser.page();
        page.navigate(url);
        assertKeycloakLoginPage(page);
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.waitForNavigation(() -> page.locator("#kc-login").click());
        return page;
    }

    @Test
    void aDirectorIsMadeToSetUpAnAuthenticatorAppThenGetsInAndIsAskedForACodeNextTime() {
        String alerts = notification() + "/app/alerts";
        Page page = passwordOnKeycloak(alerts, DIRECTOR, DIRECTOR_PASSWORD);

        // The password alone is not enough: Keycloak's "set up an authenticator app" page, before any Haven page.
        assertThat(page.locator("#kc-totp-settings-form")).isVisible();
        assertThat(page.url()).startsWith(keycloak.issuer("haven") + "/");
        page.locator("#mode-manual").click();
        AuthenticatorApp app = AuthenticatorApp.withKey(page.locator("#kc-totp-secret-key").textContent());
        page.locator("#totp").fill(app.codeAt(KEYCLOAKS_CLOCK.instant()));
        page.locator("#userLabel").fill("work phone");
        page.waitForNavigation(() -> page.locator("#saveTOTPBtn").click());
        page.waitForURL(alerts);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alerts for " + DIRECTOR))).isVisible();

        // A new browser: password, then the code from the app (the next 30-second step's, so it is not the one used
        // above; Keycloak's look-ahead window of one step accepts it).
        browser.context().clearCookies();
        page.navigate(alerts);
        assertKeycloakLoginPage(page);
        page.locator("#username").fill(DIRECTOR);
        page.locator("#password").fill(DIRECTOR_PASSWORD);
        page.waitForNavigation(() -> page.locator("#kc-login").click());
        assertThat(page.locator("#kc-totp-settings-form")).hasCount(0);
        assertThat(page.locator("#otp")).isVisible();
        page.locator("#otp").fill(app.codeAt(KEYCLOAKS_CLOCK.instant().plusSeconds(30)));
        page.waitForNavigation(() -> page.locator("#kc-login").click());
        page.waitForURL(alerts);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alerts for " + DIRECTOR))).isVisible();
    }

    @Test
    void staffGetInWithTheirPasswordAlone() {
        Page page = passwordOnKeycloak(incident() + "/app", STAFF, STAFF_PASSWORD);

        // Straight back to Haven: no authenticator set-up page, no code asked.
        page.waitForURL(incident() + "/app");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report an incident"))).isVisible();
    }

    @Test
    void staffSignInOnKeycloaksLoginPageAndSeeOnlyTheirOwnSite() {
        signInOnKeycloak(incident() + "/app", STAFF, STAFF_PASSWORD);
        Page page = browser.page();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report an incident"))).isVisible();
        // The site comes from the token's groups claim (group haven-site-maple-house), nothing else knows it.
        assertThat(page.locator("input[name=siteId]")).not().hasCount(0);
        for (String site : page.locator("input[name=siteId]").all().stream().map(input -> input.getAttribute("value")).toList()) {
            assertThat(site).isEqualTo("maple-house");
        }
        assertThat(page.locator("select[name=siteId]")).hasCount(0);
        assertThat(page.content()).doesNotContain("oak-house");

        // A staff member's role is not enough for the supervisors' page (Keycloak signs them in silently there).
        Response supervisorsPage = page.navigate(notification() + "/app/alerts");
        assertThat(supervisorsPage.url()).isEqualTo(notification() + "/app/alerts");
        assertThat(supervisorsPage.status()).isEqualTo(403);
    }

    @Test
    void aSupervisorSignsInAndGetsTheSupervisorsPageWithTheirOwnSite() {
        signInOnKeycloak(notification() + "/app/alerts", SUPERVISOR, SUPERVISOR_PASSWORD);
        Page page = browser.page();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Alerts for " + SUPERVISOR))).isVisible();

        Response reporting = page.navigate(incident() + "/app");
        assertThat(reporting.status()).isEqualTo(200);
        for (String site : page.locator("input[name=siteId]").all().stream().map(input -> input.getAttribute("value")).toList()) {
            assertThat(site).isEqualTo("oak-house");
        }
        assertThat(page.locator("input[name=siteId]")).not().hasCount(0);
    }

    @Test
    void aTokenKeycloakIssuedForAnotherClientOfTheRealmIsRefused() throws Exception {
        String forPayroll = keycloak.passwordGrant("haven", "payroll", OTHER_CLIENT_SECRET, STAFF, STAFF_PASSWORD);
        String forHaven = keycloak.passwordGrant("haven", "haven-probe", PROBE_SECRET, STAFF, STAFF_PASSWORD);
        JsonNode payrollClaims = claims(forPayroll);
        // Same person, same realm, same roles and groups: only the audience differs.
        assertThat(payrollClaims.path("realm_access").path("roles").toString()).contains("\"staff\"");
        assertThat(payrollClaims.path("groups").toString()).contains("haven-site-maple-house");
        assertThat(payrollClaims.path("aud").toString()).doesNotContain("\"" + CLIENT_ID + "\"");
        assertThat(claims(forHaven).path("aud").toString()).contains("\"" + CLIENT_ID + "\"");

        given().auth().oauth2(forHaven).when().get(incident() + "/api/incidents").then().statusCode(200);
        given().auth().oauth2(forPayroll).when().get(incident() + "/api/incidents").then().statusCode(401);
        given().auth().oauth2(forPayroll).when().get(notification() + "/api/alerts").then().statusCode(401);
    }

    @Test
    void signingOutAtKeycloakEndsTheSessionAndThePageAsksForSignInAgain() {
        signInOnKeycloak(incident() + "/app", STAFF, STAFF_PASSWORD);
        Page page = browser.page();
        BrowserContext context = browser.context();

        // Without the service's own session, Keycloak's session alone signs the browser in again, with no form.
        context.clearCookies(new BrowserContext.ClearCookiesOptions().setName(Pattern.compile("^q_session")));
        page.navigate(incident() + "/app");
        assertThat(page).hasURL(incident() + "/app");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report an incident"))).isVisible();

        // Keycloak's end-session endpoint (RP-initiated logout), back to the page afterwards.
        page.navigate(keycloak.issuer("haven") + "/protocol/openid-connect/logout?client_id=" + CLIENT_ID
                + "&post_logout_redirect_uri=" + URLEncoder.encode(incident() + "/app", StandardCharsets.UTF_8));
        page.locator("#kc-logout").click();
        // The service's session cookie goes as the service's sign-out would end it; Keycloak's session is what is tested.
        context.clearCookies(new BrowserContext.ClearCookiesOptions().setName(Pattern.compile("^q_session")));
        page.navigate(incident() + "/app");
        assertKeycloakLoginPage(page);
    }

    private static JsonNode claims(String jwt) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

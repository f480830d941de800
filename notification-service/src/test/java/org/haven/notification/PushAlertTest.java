package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookies;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.notification.messaging.EscalationScheduler;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.haven.testing.TestTime;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Critical alerts pushed to the browsers supervisors and directors subscribed on the alerts page, read back by a
 * push-service stand-in that decrypts each push with the browser's own keys ({@link PushService}): what these tests
 * assert is what the phone would show.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class PushAlertTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PAGE = "/app/alerts";

    @Inject
    Directory directory;
    @Inject
    EscalationScheduler scheduler;
    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void aCriticalAlertReachesTheSubscribedBrowserNamingOnlyTheSiteAndCriticalIncident() {
        ChainSite site = ChainSite.create(directory, 0);
        Cookies session = TestSignIn.session(PAGE, TestTokens.supervisor(site.onCall().id(), site.id()));
        PushService.Browser phone = PushService.newBrowser();
        subscribe(session, phone.subscription()).statusCode(200);
        IncidentReported incident = sexualHarmDisclosure(site.id());

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(WAIT).untilAsserted(() -> assertThat(phone.shown()).hasSize(1));
        PushService.Push push = phone.shown().get(0);
        Object alertId = AlertsApi.ofIncident(incident).get(0).get("id");
        assertThat(push.shown()).containsEntry("title", "Critical incident at " + site.name())
                .containsEntry("body", "Open Haven to take charge.")
                .containsEntry("url", "/app/alerts#alert-" + alertId)
                .containsEntry("tag", "haven-alert-" + alertId);
        String lockScreen = String.valueOf(push.shown());
        assertThat(lockScreen).as("no incident type, no person, no report detail")
                .doesNotContainIgnoringCase("sexual").doesNotContainIgnoringCase("harm").doesNotContainIgnoringCase("disclosure")
                .doesNotContain(site.onCall().name(), site.backup().name(), site.director().name(), "staff-ana-7", "staff-ben-4",
                        "staff-cyd-2", incident.incidentId().toString(), incident.criticalityRule(), "HIGH");
        assertThat(push.headers()).containsEntry("Content-Encoding", "aes128gcm").containsEntry("Urgency", "high")
                .containsEntry("TTL", "43200");
        assertThat(push.vapidKey()).as("signed with the key the page subscribes with")
                .isEqualTo(given().cookies(session).header("X-Requested-With", "JavaScript").when().get("/app/api/push/key")
                        .then().statusCode(200).extract().path("publicKey"));
        assertThat(push.vapidClaims()).containsEntry("aud", PushService.origin()).containsEntry("sub", "mailto:haven@haven.example");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath detail = AlertsApi.detail(site.id(), alertId);
            assertThat(detail.getList("deliveries.findAll { it.channel == 'PUSH' }.status")).containsExactly("SENT");
            assertThat(detail.getList("deliveries.destination")).as("the endpoint stays with the subscription").doesNotContain(phone.endpoint());
        });
    }

    @Test
    void eachEscalationStepIsPushedToThePersonItPages() {
        ChainSite site = ChainSite.create(directory, 0);
        PushService.Browser directorsPhone = PushService.newBrowser();
        subscribe(TestSignIn.session(PAGE, TestTokens.director(site.director().id(), site.id())), directorsPhone.subscription())
                .statusCode(200);
        IncidentReported incident = sexualHarmDisclosure(site.id());

        IncidentFeed.publish(IncidentFeed.announce(incident));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(site.onCall().email())).isNotEmpty());
        Instant start = TestTime.now();
        assertThat(directorsPhone.attempts()).as("the director is not paged yet").isZero();

        clock.pin(start.plus(Duration.ofMinutes(10)));
        scheduler.fireDue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(directorsPhone.shown()).hasSize(1));
        assertThat(directorsPhone.shown().get(0).shown()).containsEntry("title", "Critical incident at " + site.name());
    }

    @ParameterizedTest(name = "push service answers {0}")
    @ValueSource(ints = {404, 410})
    void aSubscriptionThePushServiceSaysHasEndedIsDroppedAndNotRetried(int status) {
        ChainSite site = ChainSite.create(directory, 0);
        Cookies session = TestSignIn.session(PAGE, TestTokens.supervisor(site.onCall().id(), site.id()));
        PushService.Browser phone = PushService.newBrowser();
        phone.answerWith(status);
        subscribe(session, phone.subscription()).statusCode(200);
        IncidentReported incident = sexualHarmDisclosure(site.id());

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(WAIT).untilAsserted(() -> assertThat(AlertsApi.ofIncident(incident)).hasSize(1));
        Object alertId = AlertsApi.ofIncident(incident).get(0).get("id");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath detail = AlertsApi.detail(site.id(), alertId);
            assertThat(detail.getString("deliveries.find { it.channel == 'PUSH' }.status")).isEqualTo("FAILED");
            assertThat(detail.getString("deliveries.find { it.channel == 'PUSH' }.nextAttemptAt")).as("given up").isNull();
            assertThat(detail.getString("deliveries.find { it.channel == 'EMAIL' }.status")).isEqualTo("SENT");
        });
        assertThat(phone.attempts()).isEqualTo(1);
        subscribed(session).body("subscribed", equalTo(false));
    }

    @Test
    void aFailedPushIsRetriedLikeTheOtherChannels() {
        ChainSite site = ChainSite.create(directory, 0);
        PushService.Browser phone = PushService.newBrowser();
        phone.answerWith(503);
        subscribe(TestSignIn.session(PAGE, TestTokens.supervisor(site.onCall().id(), site.id())), phone.subscription()).statusCode(200);
        IncidentReported incident = sexualHarmDisclosure(site.id());

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(WAIT).untilAsserted(() -> assertThat(phone.shown()).hasSize(1));
        assertThat(phone.attempts()).isEqualTo(2);
        Object alertId = AlertsApi.ofIncident(incident).get(0).get("id");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath detail = AlertsApi.detail(site.id(), alertId);
            assertThat(detail.getString("deliveries.find { it.channel == 'PUSH' }.status")).isEqualTo("SENT");
            assertThat(detail.getInt("deliveries.find { it.channel == 'PUSH' }.attempts")).isEqualTo(2);
        });
    }

    @Test
    void anotherPersonsAlertPushesNothingToTheirBrowser() {
        ChainSite paged = ChainSite.create(directory, 0);
        ChainSite elsewhere = ChainSite.create(directory, 0);
        PushService.Browser pagedPhone = PushService.newBrowser();
        PushService.Browser otherPhone = PushService.newBrowser();
        PushService.Browser backupsPhone = PushService.newBrowser();
        subscribe(TestSignIn.session(PAGE, TestTokens.supervisor(paged.onCall().id(), paged.id())), pagedPhone.subscription()).statusCode(200);
        subscribe(TestSignIn.session(PAGE, TestTokens.supervisor(elsewhere.onCall().id(), elsewhere.id())), otherPhone.subscription())
                .statusCode(200);
        subscribe(TestSignIn.session(PAGE, TestTokens.supervisor(paged.backup().id(), paged.id())), backupsPhone.subscription())
                .statusCode(200);
        IncidentReported incident = sexualHarmDisclosure(paged.id());

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(WAIT).untilAsserted(() -> assertThat(pagedPhone.shown()).hasSize(1));
        Object alertId = AlertsApi.ofIncident(incident).get(0).get("id");
        await().atMost(WAIT).untilAsserted(() -> assertThat(AlertsApi.detail(paged.id(), alertId).getList("deliveries.status"))
                .containsOnly("SENT"));
        assertThat(otherPhone.attempts()).as("a supervisor of another site").isZero();
        assertThat(backupsPhone.attempts()).as("the same site's backup, not paged yet").isZero();
    }

    @Test
    void aBadSubscriptionIsRefusedNamingTheFieldAndNothingIsKept() {
        ChainSite site = ChainSite.create(directory, 0);
        Cookies session = TestSignIn.session(PAGE, TestTokens.supervisor(site.onCall().id(), site.id()));
        PushService.Browser phone = PushService.newBrowser();
        byte[] offCurve = new byte[65];
        offCurve[0] = 4;
        offCurve[64] = 7;

        assertRefused(session, with(phone, "endpoint", "ftp://push.example/x"), "endpoint");
        assertRefused(session, with(phone, "endpoint", "not a url at all"), "endpoint");
        assertRefused(session, with(phone, "endpoint", ""), "endpoint");
        assertRefused(session, withKeys(phone, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(offCurve), phone.auth()),
                "keys.p256dh");
        assertRefused(session, withKeys(phone, "AAAA", phone.auth()), "keys.p256dh");
        assertRefused(session, withKeys(phone, phone.p256dh(), "c2hvcnQ"), "keys.auth");
        assertRefused(session, withKeys(phone, phone.p256dh(), "not base64url!"), "keys.auth");
        assertRefused(session, with(phone, "keys", null), "keys");
        given().cookies(session).contentType(ContentType.JSON).body(phone.subscription())
                .when().put("/app/api/push/subscription").then().statusCode(400).contentType("application/problem+json");

        subscribed(session).body("subscribed", equalTo(false));
    }

    @Test
    void onlySupervisorsAndDirectorsSubscribe() {
        ChainSite site = ChainSite.create(directory, 0);
        Cookies staff = TestSignIn.session(PAGE, TestTokens.staff(site.onCall().id(), site.id()));

        subscribe(staff, PushService.newBrowser().subscription()).statusCode(403);
    }

    @Test
    void aBrowserSubscribedAgainUnderTheNextPersonAlertsThemAndNoLongerTheLast() {
        ChainSite site = ChainSite.create(directory, 0);
        Cookies first = TestSignIn.session(PAGE, TestTokens.supervisor(site.onCall().id(), site.id()));
        Cookies next = TestSignIn.session(PAGE, TestTokens.supervisor(site.backup().id(), site.id()));
        PushService.Browser sharedPhone = PushService.newBrowser();
        subscribe(first, sharedPhone.subscription()).statusCode(200);

        subscribe(next, sharedPhone.subscription()).statusCode(200);

        subscribed(first).body("subscribed", equalTo(false));
        subscribed(next).body("subscribed", equalTo(true));
        given().cookies(next).header("X-Requested-With", "JavaScript").contentType(ContentType.JSON)
                .body(Map.of("endpoint", sharedPhone.endpoint()))
                .when().delete("/app/api/push/subscription").then().statusCode(200).body("subscribed", equalTo(false));
        subscribed(next).body("subscribed", equalTo(false));
    }

    @Test
    void theAlertsPageOffersTheControlAndItsServiceWorkerShowsAndOpensAlerts() {
        ChainSite site = ChainSite.create(directory, 0);
        Cookies session = TestSignIn.session(PAGE, TestTokens.supervisor(site.onCall().id(), site.id()));

        given().cookies(session).when().get(PAGE).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("id=\"push-toggle\""),
                        org.hamcrest.Matchers.containsString("<script src=\"/js/alerts-push.js\" defer></script>"));
        String control = given().when().get("/js/alerts-push.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript")).extract().asString();
        assertThat(control).contains("Notification.requestPermission", "pushManager.subscribe", "userVisibleOnly: true",
                "'/app/api/push'", "'/key'", "'/subscription'", "X-Requested-With", "/js/alerts-sw.js").doesNotContain("innerHTML", "eval(");
        String worker = given().when().get("/js/alerts-sw.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript")).extract().asString();
        assertThat(worker).contains("addEventListener('push'", "showNotification", "addEventListener('notificationclick'", "openWindow")
                .doesNotContain("innerHTML", "eval(");
    }

    private static IncidentReported sexualHarmDisclosure(String siteId) {
        Instant now = TestTime.now();
        return new IncidentReported(UUID.randomUUID(), siteId, "SEXUAL_HARM_DISCLOSURE", "HIGH", true,
                "type SEXUAL_HARM_DISCLOSURE is always critical", now.minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), now,
                "staff-ana-7", List.of("staff-ana-7", "staff-ben-4"), List.of("staff-cyd-2"));
    }

    private static ValidatableResponse subscribe(Cookies session, Map<String, Object> subscription) {
        return given().redirects().follow(false).cookies(session).header("X-Requested-With", "JavaScript").contentType(ContentType.JSON)
                .body(subscription).when().put("/app/api/push/subscription").then();
    }

    private static ValidatableResponse subscribed(Cookies session) {
        return given().cookies(session).header("X-Requested-With", "JavaScript").when().get("/app/api/push/subscription")
                .then().statusCode(200);
    }

    private static void assertRefused(Cookies session, Map<String, Object> subscription, String field) {
        subscribe(session, subscription).statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    private static Map<String, Object> with(PushService.Browser browser, String key, Object value) {
        Map<String, Object> subscription = new HashMap<>(browser.subscription());
        subscription.put(key, value);
        return subscription;
    }

    private static Map<String, Object> withKeys(PushService.Browser browser, String p256dh, String auth) {
        return with(browser, "keys", Map.of("p256dh", p256dh, "auth", auth));
    }
}

package org.haven.notification;

import org.haven.testing.AdjustableClock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.haven.events.AlertAcknowledged;
import org.haven.events.AlertEscalated;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.notification.messaging.EscalationScheduler;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class EscalationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

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

    /** Publishes a critical incident at the site and waits for its on-call supervisor's page; returns a time just after it. */
    private Instant raise(ChainSite site, IncidentReported incident) {
        IncidentFeed.publish(IncidentFeed.announce(incident));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.onCall())).hasSize(1));
        return TestTime.now();
    }

    private void at(Instant instant) {
        clock.pin(instant);
        scheduler.fireDue();
    }

    private static List<Mailbox.Received> pages(ChainSite.Person person) {
        return Mailbox.to(person.email()).stream().filter(mail -> mail.subject().startsWith("Critical incident")).toList();
    }

    private static List<Mailbox.Received> handledNotices(ChainSite.Person person) {
        return Mailbox.to(person.email()).stream().filter(mail -> mail.subject().startsWith("Handled by")).toList();
    }

    @Test
    void escalatesThroughEveryLevelAndRoundThenStops() {
        ChainSite site = ChainSite.create(directory, 1);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        ConsumerTask<String, String> escalations = events(incident, HavenEvents.ALERT_ESCALATED.name());
        Instant start = raise(site, incident);
        assertThat(pages(site.backup())).isEmpty();
        assertThat(pages(site.director())).isEmpty();

        at(start.plus(Duration.ofMinutes(5)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.backup())).hasSize(1));
        assertThat(pages(site.director())).isEmpty();

        at(start.plus(Duration.ofMinutes(10)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.director())).hasSize(1));

        // second round, 5 minutes after the last level of the first
        at(start.plus(Duration.ofMinutes(15)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.onCall())).hasSize(2));
        at(start.plus(Duration.ofMinutes(20)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.backup())).hasSize(2));
        at(start.plus(Duration.ofMinutes(25)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.director())).hasSize(2));

        clock.pin(start.plus(Duration.ofHours(3)));
        assertThat(scheduler.fireDue()).as("the chain ran out: nothing left to fire").isZero();
        assertThat(AlertsApi.ofIncident(incident)).extracting(a -> a.get("recipientId") + "@" + a.get("escalationLevel"))
                .containsExactlyInAnyOrder(site.onCall().id() + "@1", site.backup().id() + "@2", site.director().id() + "@3");

        List<AlertEscalated> escalated = escalations.awaitRecords(5, WAIT).getRecords().stream()
                .map(r -> EventCodec.data(EventCodec.decode(r.value()), HavenEvents.ALERT_ESCALATED)).toList();
        escalations.stop();
        assertThat(escalated).extracting(e -> e.escalationLevel() + ":" + e.recipientIds())
                .containsExactly("2:[" + site.backup().id() + "]", "3:[" + site.director().id() + "]",
                        "1:[" + site.onCall().id() + "]", "2:[" + site.backup().id() + "]", "3:[" + site.director().id() + "]");
    }

    @Test
    void everyLevelIsPagedByEmailAndTextWithoutClientDetails() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopementAt(site.id(), Instant.parse("2026-01-15T15:04:00Z"));
        Instant start = raise(site, incident);
        at(start.plus(Duration.ofMinutes(10)));

        for (ChainSite.Person person : site.levels()) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(SmsProvider.to(person.phone())).hasSize(1));
            SmsProvider.Text text = SmsProvider.to(person.phone()).get(0);
            assertThat(text.from()).isEqualTo("+15550100000");
            assertThat(text.body()).startsWith("Haven: critical incident at " + site.name() + " (Elopement, 10:04 EST). Take charge: ")
                    .contains("/alerts/ack#t=").doesNotContain("?token=");
            await().atMost(WAIT).untilAsserted(() -> assertThat(pages(person)).hasSize(1));
            String everything = (pages(person).get(0).subject() + pages(person).get(0).text() + text.body())
                    .replace("/app/incidents/" + incident.incidentId(), "/app/incidents/…"); // the id only in the incident's link
            assertThat(everything).doesNotContain("C-7F3K-Q9", "staff-ana-7", "staff-ben-4", "staff-cyd-2",
                    incident.incidentId().toString(), incident.criticalityRule());
        }
    }

    @ParameterizedTest(name = "acknowledged at level {0}")
    @ValueSource(ints = {1, 2, 3})
    void acknowledgementStopsTheRestAndTellsEveryonePagedWhoHasIt(int level) {
        ChainSite site = ChainSite.create(directory, 2);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        ConsumerTask<String, String> acks = events(incident, HavenEvents.ALERT_ACKNOWLEDGED.name());
        Instant start = raise(site, incident);
        List<ChainSite.Person> paged = site.levels().subList(0, level);
        ChainSite.Person acker = paged.get(level - 1);
        at(start.plus(Duration.ofMinutes(5L * (level - 1))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(acker)).hasSize(1));

        Map<String, Object> alert = AlertsApi.ofIncident(incident).stream()
                .filter(a -> acker.id().equals(a.get("recipientId"))).findFirst().orElseThrow();
        String token = level == 3 ? TestTokens.director(acker.id(), site.id()) : TestTokens.supervisor(acker.id(), site.id());
        given().auth().oauth2(token).when().post("/api/alerts/" + alert.get("id") + "/ack")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo(acker.id()));

        for (ChainSite.Person other : paged.subList(0, level - 1)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(handledNotices(other)).singleElement()
                    .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Handled by " + acker.name() + ": critical incident at " + site.name())));
            await().atMost(WAIT).untilAsserted(() -> assertThat(SmsProvider.to(other.phone()))
                    .anySatisfy(text -> assertThat(text.body()).endsWith("is handled by " + acker.name() + ".")));
            String notices = (handledNotices(other).get(0).subject() + handledNotices(other).get(0).text()
                    + SmsProvider.to(other.phone()).stream().map(SmsProvider.Text::body).toList())
                    .replace("/app/incidents/" + incident.incidentId(), "/app/incidents/…"); // the page's text links the incident
            assertThat(notices).doesNotContain("C-7F3K-Q9", "staff-ana-7", "staff-ben-4", "staff-cyd-2",
                    incident.incidentId().toString(), incident.criticalityRule());
        }
        at(start.plus(Duration.ofHours(2)));
        assertThat(scheduler.fireDue()).isZero();
        for (ChainSite.Person person : site.levels()) {
            assertThat(pages(person)).as(person.id() + " is never paged again").hasSize(paged.contains(person) ? 1 : 0);
        }
        assertThat(handledNotices(acker)).isEmpty();
        assertThat(AlertsApi.ofIncident(incident)).allSatisfy(a -> assertThat(a).containsEntry("status", "ACKNOWLEDGED")
                .containsEntry("acknowledgedBy", acker.id()));

        AlertAcknowledged event = EventCodec.data(EventCodec.decode(acks.awaitRecords(1, WAIT).getFirstRecord().value()),
                HavenEvents.ALERT_ACKNOWLEDGED);
        acks.stop();
        assertThat(event.acknowledgedBy()).isEqualTo(acker.id());
        assertThat(event.escalationLevel()).isEqualTo(level);
        assertThat(event.siteId()).isEqualTo(site.id());
    }

    @Test
    void secondAcknowledgementKeepsTheFirstTaker() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        Instant start = raise(site, incident);
        at(start.plus(Duration.ofMinutes(5)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.backup())).hasSize(1));
        Map<String, Object> first = AlertsApi.ofIncident(incident).stream()
                .filter(a -> site.onCall().id().equals(a.get("recipientId"))).findFirst().orElseThrow();
        Map<String, Object> second = AlertsApi.ofIncident(incident).stream()
                .filter(a -> site.backup().id().equals(a.get("recipientId"))).findFirst().orElseThrow();

        given().auth().oauth2(TestTokens.supervisor(site.onCall().id(), site.id())).when().post("/api/alerts/" + first.get("id") + "/ack")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.supervisor(site.backup().id(), site.id())).when().post("/api/alerts/" + second.get("id") + "/ack")
                .then().statusCode(200).body("acknowledgedBy", equalTo(site.onCall().id()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(handledNotices(site.backup())).hasSize(1));
    }

    @Test
    void staffAndOtherSitesCannotAcknowledge() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        raise(site, incident);
        Object alertId = AlertsApi.ofIncident(incident).get(0).get("id");

        given().when().post("/api/alerts/" + alertId + "/ack").then().statusCode(401);
        given().auth().oauth2(TestTokens.staff(site.onCall().id(), site.id())).when().post("/api/alerts/" + alertId + "/ack")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.supervisor("sup-elsewhere", "site-north")).when().post("/api/alerts/" + alertId + "/ack")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(AlertsApi.ofIncident(incident)).allSatisfy(a -> assertThat(a).containsEntry("status", "RAISED"));
    }

    @Test
    void twoReplicasFiringAtOnceNeverPageTwice() throws Exception {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        Instant start = raise(site, incident);
        clock.pin(start.plus(Duration.ofMinutes(10)));

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> fireAfter(together));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> fireAfter(together));
        int fired = one.get() + two.get();

        assertThat(fired).as("levels 2 and 3 fired, each by one caller (or by the background run)").isLessThanOrEqualTo(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.director())).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.backup())).hasSize(1));
        assertThat(scheduler.fireDue()).isZero();
        for (ChainSite.Person person : site.levels()) {
            assertThat(pages(person)).hasSize(1);
            assertThat(SmsProvider.to(person.phone())).hasSize(1);
        }
    }

    @Test
    void levelsThatCameDueWhileNoOneWasRunningFireOnceWhenFiringResumes() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        Instant start = raise(site, incident);

        clock.pin(start.plus(Duration.ofHours(1)));
        scheduler.fireDue();
        scheduler.fireDue();

        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.director())).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pages(site.backup())).hasSize(1));
        assertThat(pages(site.onCall())).hasSize(1);
    }

    @Test
    void signedLinkInTheEmailAcknowledgesOnceAndExpires() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        Instant start = raise(site, incident);
        String token = tokenIn(pages(site.onCall()).get(0).text());

        given().when().get("/alerts/ack")
                .then().statusCode(200).contentType("text/html")
                .body(containsString("action=\"/alerts/ack\""))
                .body(containsString("<script src=\"/js/ack-link.js\" defer></script>"))
                .body(containsString("<input type=\"hidden\" name=\"token\" value=\"\" id=\"ack-token\">"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Cache-Control", containsString("no-store"));
        given().when().get("/js/ack-link.js").then().statusCode(200).body(containsString("window.location.hash"));
        assertThat(AlertsApi.ofIncident(incident)).as("opening the link acknowledges nothing")
                .allSatisfy(a -> assertThat(a.get("acknowledgedBy")).isNull());
        given().formParam("token", token.substring(0, token.length() - 2) + "xx").when().post("/alerts/ack")
                .then().statusCode(400).body(containsString("not a Haven acknowledgement link"));
        given().formParam("token", token).when().post("/alerts/ack")
                .then().statusCode(200).body(containsString("You have taken charge of the critical incident at " + site.name()));
        given().formParam("token", token).when().post("/alerts/ack")
                .then().statusCode(410).body(containsString("handled by " + site.onCall().name()));
        assertThat(AlertsApi.ofIncident(incident)).allSatisfy(a -> assertThat(a).containsEntry("acknowledgedBy", site.onCall().id()));

        at(start.plus(Duration.ofHours(1)));
        assertThat(pages(site.backup())).isEmpty();
        assertThat(pages(site.director())).isEmpty();
    }

    @Test
    void aTokenInTheQueryStringIsRefusedAndSpentSinceProxiesHaveLoggedIt() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        raise(site, incident);
        String text = pages(site.onCall()).get(0).text();
        assertThat(text).as("the sent link keeps its token out of the query").doesNotContain("/alerts/ack?");
        String token = tokenIn(text);

        given().queryParam("token", token).when().get("/alerts/ack")
                .then().statusCode(400).body(containsString("older form of link no longer works"))
                .header("Cache-Control", containsString("no-store"));
        given().formParam("token", token).when().post("/alerts/ack").then().statusCode(410);
        assertThat(AlertsApi.ofIncident(incident)).allSatisfy(a -> assertThat(a.get("acknowledgedBy")).isNull());

        // taken in charge on the alerts page instead, which also leaves no escalation due for the other tests
        given().auth().oauth2(TestTokens.supervisor(site.onCall().id(), site.id()))
                .when().post("/api/alerts/" + AlertsApi.ofIncident(incident).get(0).get("id") + "/ack").then().statusCode(200);
    }

    @Test
    void signedLinkExpires() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        Instant start = raise(site, incident);
        String token = tokenIn(pages(site.onCall()).get(0).text());

        clock.pin(start.plus(Duration.ofHours(13)));
        given().formParam("token", token).when().post("/alerts/ack")
                .then().statusCode(400).body(containsString("expired"));
        assertThat(AlertsApi.ofIncident(incident)).allSatisfy(a -> assertThat(a.get("acknowledgedBy")).isNull());
    }

    private static String tokenIn(String text) {
        Matcher link = Pattern.compile("/alerts/ack#t=(\\S+)").matcher(text);
        assertThat(link.find()).as("an acknowledgement link in: " + text).isTrue();
        return link.group(1);
    }

    private int fireAfter(CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return scheduler.fireDue();
    }

    private static ConsumerTask<String, String> events(IncidentReported incident, String type) {
        return HavenInfrastructure.kafka().consumeStrings().fromTopics(HavenEvents.NOTIFICATION_TOPIC,
                records -> records.filter(r -> r.value().contains(incident.incidentId().toString()) && r.value().contains(type)));
    }
}

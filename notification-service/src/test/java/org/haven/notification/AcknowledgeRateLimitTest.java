package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Acknowledging over the limit, signed in or by the signed link, is refused with 429 and acknowledges nothing. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
@TestProfile(AcknowledgeRateLimitTest.LowLimits.class)
class AcknowledgeRateLimitTest {

    /** One acknowledgement per person and two per address every ten minutes; X-Forwarded-For trusted from the test. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "haven.rate-limit.acknowledge.per-person", "1",
                    "haven.rate-limit.acknowledge.per-ip", "2",
                    "haven.rate-limit.acknowledge.period", "PT10M",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.enable-forwarded-for", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Directory directory;
    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static Map<String, Object> alertOf(IncidentReported incident) {
        IncidentFeed.publish(IncidentFeed.announce(incident));
        await().atMost(WAIT).until(() -> !AlertsApi.ofIncident(incident).isEmpty());
        return AlertsApi.ofIncident(incident).get(0);
    }

    @Test
    void aSupervisorOverTheLimitIsToldToWaitAndTheAlertStaysOpen() {
        ChainSite site = ChainSite.create(directory, 0);
        Map<String, Object> first = alertOf(IncidentFeed.elopement(site.id()));
        IncidentReported secondIncident = IncidentFeed.elopement(site.id());
        Map<String, Object> second = alertOf(secondIncident);
        Instant now = TestTime.now().truncatedTo(ChronoUnit.SECONDS);
        clock.pin(now);
        String token = TestTokens.supervisor(site.onCall().id(), site.id());

        given().auth().oauth2(token).header("X-Forwarded-For", "10.4.0.1").when().post("/api/alerts/" + first.get("id") + "/ack")
                .then().statusCode(200);
        given().auth().oauth2(token).header("X-Forwarded-For", "10.4.0.2").when().post("/api/alerts/" + second.get("id") + "/ack")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("600"))
                .body("status", equalTo(429));
        assertThat(AlertsApi.ofIncident(secondIncident)).allSatisfy(a -> assertThat(a.get("acknowledgedBy")).isNull());

        clock.pin(now.plus(Duration.ofMinutes(10)));
        given().auth().oauth2(token).header("X-Forwarded-For", "10.4.0.2").when().post("/api/alerts/" + second.get("id") + "/ack")
                .then().statusCode(200);
        assertThat(AlertsApi.ofIncident(secondIncident)).anySatisfy(a -> assertThat(a).containsEntry("acknowledgedBy", site.onCall().id()));
    }

    @Test
    void oneAddressPostingLinksOverItsLimitIsRefusedEvenWithAGoodToken() {
        ChainSite site = ChainSite.create(directory, 0);
        IncidentReported incident = IncidentFeed.elopement(site.id());
        alertOf(incident);
        await().atMost(WAIT).until(() -> !pages(site.onCall()).isEmpty());
        String link = tokenIn(pages(site.onCall()).get(0).text());
        Instant now = TestTime.now().truncatedTo(ChronoUnit.SECONDS);
        clock.pin(now);

        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "10.5.0.1").formParam("token", "guess-" + i).when().post("/alerts/ack")
                    .then().statusCode(400);
        }
        given().header("X-Forwarded-For", "10.5.0.1").formParam("token", link).when().post("/alerts/ack")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("300"));
        assertThat(AlertsApi.ofIncident(incident)).allSatisfy(a -> assertThat(a.get("acknowledgedBy")).isNull());

        clock.pin(now.plus(Duration.ofMinutes(5)));
        given().header("X-Forwarded-For", "10.5.0.1").formParam("token", link).when().post("/alerts/ack")
                .then().statusCode(200).body(containsString("You have taken charge"));
    }

    private static List<Mailbox.Received> pages(ChainSite.Person person) {
        return Mailbox.to(person.email()).stream().filter(mail -> mail.subject().startsWith("Critical incident")).toList();
    }

    private static String tokenIn(String text) {
        Matcher link = Pattern.compile("/alerts/ack#t=(\\S+)").matcher(text);
        assertThat(link.find()).as("an acknowledgement link in: " + text).isTrue();
        return link.group(1);
    }
}

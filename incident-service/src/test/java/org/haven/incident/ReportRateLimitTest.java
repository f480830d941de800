package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.haven.incident.domain.Incident;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Reports over the limit are refused with 429 before anything is stored; a person's and an address's limits both count. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@TestProfile(ReportRateLimitTest.LowLimits.class)
class ReportRateLimitTest {

    /** Three reports per person and five per address every ten minutes; X-Forwarded-For trusted from the test's own address. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "haven.rate-limit.report.per-person", "3",
                    "haven.rate-limit.report.per-ip", "5",
                    "haven.rate-limit.report.period", "PT10M",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.enable-forwarded-for", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static String report(String person, String site, Instant now) {
        Colleagues.hire(site, person);
        return """
                {"siteId":"%s","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%s","summary":"Client did not return from school",
                 "reporterId":"%s","involvedStaffIds":["%s"],"clientCodes":["%s"],
                 "lastSeen":{"at":"%s","place":"School gate","clothing":"Blue hoodie"}}"""
                .formatted(site, now.minus(10, ChronoUnit.MINUTES), person, person, IncidentReportingTest.CLIENT_CODE,
                        now.minus(15, ChronoUnit.MINUTES));
    }

    private static RequestSpecification as(String person, String site, String address) {
        return given().auth().oauth2(TestTokens.staff(person, site)).header("X-Forwarded-For", address).contentType("application/json");
    }

    @Test
    void aPersonOverTheLimitIsToldToWaitAndNothingIsStoredUntilTheBucketRefills() {
        Instant now = TestTime.now().truncatedTo(ChronoUnit.SECONDS);
        clock.pin(now);
        String person = "staff-" + UUID.randomUUID();
        String site = "site-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            as(person, site, "10.1.0." + i).body(report(person, site, now)).when().post("/api/incidents").then().statusCode(201);
        }

        as(person, site, "10.1.0.9").body(report(person, site, now)).when().post("/api/incidents")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("200"))
                .body("status", equalTo(429))
                .body("detail", startsWith("Too many requests from you"));
        assertThat(Incident.count("siteId", site)).isEqualTo(3);

        clock.pin(now.plus(Duration.ofSeconds(199)));
        as(person, site, "10.1.0.9").body(report(person, site, now)).when().post("/api/incidents").then().statusCode(429);
        clock.pin(now.plus(Duration.ofSeconds(200)));
        as(person, site, "10.1.0.9").body(report(person, site, now)).when().post("/api/incidents").then().statusCode(201);
        assertThat(Incident.count("siteId", site)).isEqualTo(4);
    }

    @Test
    void oneAddressOverItsLimitIsRefusedWhoeverReportsFromIt() {
        Instant now = TestTime.now().truncatedTo(ChronoUnit.SECONDS);
        clock.pin(now);
        String address = "10.2." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        String site = "site-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            String person = "staff-" + UUID.randomUUID();
            as(person, site, address).body(report(person, site, now)).when().post("/api/incidents").then().statusCode(201);
        }
        String sixth = "staff-" + UUID.randomUUID();
        as(sixth, site, address).body(report(sixth, site, now)).when().post("/api/incidents")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("120"))
                .body("detail", startsWith("Too many requests from your network"));
        as(sixth, site, "10.3.0.1").body(report(sixth, site, now)).when().post("/api/incidents")
                .then().statusCode(201);
        assertThat(Incident.count("siteId", site)).as("the refused report was not stored, nor charged to its person").isEqualTo(6);
    }
}

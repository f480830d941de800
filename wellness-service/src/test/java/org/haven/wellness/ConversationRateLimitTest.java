package org.haven.wellness;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.haven.wellness.domain.ConversationRequest;
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

/** Asking for a conversation over the limit is refused with 429 before anything is stored or published. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@TestProfile(ConversationRateLimitTest.LowLimits.class)
class ConversationRateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "haven.rate-limit.conversation-request.per-person", "2",
                    "haven.rate-limit.conversation-request.per-ip", "50",
                    "haven.rate-limit.conversation-request.period", "PT10M");
        }
    }

    @Inject
    AdjustableClock clock;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static io.restassured.response.Response ask(String person, String site) {
        return given().auth().oauth2(DirectoryTokens.staff(person, site)).contentType("application/json")
                .body("{\"siteId\":\"" + site + "\"}").when().post("/api/conversations");
    }

    private long outboxRowsMentioning(String site) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM haven_outbox WHERE payload LIKE ?1")
                .setParameter(1, "%" + site + "%").getSingleResult()).longValue();
    }

    @Test
    void askingTooOftenIsRefusedUntilTheBucketRefills() {
        Instant now = TestTime.now().truncatedTo(ChronoUnit.SECONDS);
        clock.pin(now);
        String person = "staff-" + UUID.randomUUID();
        String site = "site-" + UUID.randomUUID();
        ask(person, site).then().statusCode(201);
        ask(person, site).then().statusCode(201);
        long published = outboxRowsMentioning(site);

        ask(person, site).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("300"))
                .body("status", equalTo(429));
        assertThat(ConversationRequest.count("staffId", person)).isEqualTo(2);
        assertThat(outboxRowsMentioning(site)).as("nothing published").isEqualTo(published);

        clock.pin(now.plus(Duration.ofMinutes(5)));
        ask(person, site).then().statusCode(201);
        assertThat(ConversationRequest.count("staffId", person)).isEqualTo(3);
    }
}

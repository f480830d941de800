package org.haven.incident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.haven.incident.domain.Incident;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IdempotentSubmissionTest {

    private static Response submit(String site, UUID key) {
        return IncidentReportingTest.asReporter(site).contentType("application/json").header("Idempotency-Key", key.toString())
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site))
                .when().post("/api/incidents");
    }

    private static long storedAt(String site) {
        return Incident.count("siteId", site);
    }

    @Test
    void resendingTheSameKeyReturnsTheOriginalIncidentAndStoresNothing() {
        String site = "site-" + UUID.randomUUID();
        UUID key = UUID.randomUUID();
        String first = submit(site, key).then().statusCode(201).extract().path("id");

        submit(site, key).then().statusCode(200).body("id", equalTo(first));
        submit(site, key).then().statusCode(200).body("id", equalTo(first));

        assertThat(storedAt(site)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateExactlyOneIncident() throws Exception {
        String site = "site-" + UUID.randomUUID();
        UUID key = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> retries = IntStream.range(0, 8).<Callable<Response>>mapToObj(i -> () -> submit(site, key)).toList();
            List<Response> responses = pool.invokeAll(retries).stream().map(IdempotentSubmissionTest::get).toList();

            assertThat(responses).extracting(Response::statusCode).containsOnly(200, 201);
            assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
            assertThat(responses).extracting(r -> r.<String>path("id")).containsOnly(responses.get(0).<String>path("id"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedAt(site)).isEqualTo(1);
    }

    @Test
    void differentKeysAreDifferentReports() {
        String site = "site-" + UUID.randomUUID();
        submit(site, UUID.randomUUID()).then().statusCode(201);
        submit(site, UUID.randomUUID()).then().statusCode(201);
        assertThat(storedAt(site)).isEqualTo(2);
    }

    @Test
    void aKeyThatIsNotAUuidIsRefusedAsProblem() {
        String site = "site-" + UUID.randomUUID();
        IncidentReportingTest.asReporter(site).contentType("application/json").header("Idempotency-Key", "again")
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site))
                .when().post("/api/incidents")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(storedAt(site)).isZero();
    }

    @Test
    void someoneElsesKeyNeverRevealsTheirReport() {
        String site = "site-" + UUID.randomUUID();
        UUID key = UUID.randomUUID();
        submit(site, key).then().statusCode(201);

        given().auth().oauth2(TestTokens.staff("staff-ben", site)).contentType("application/json").header("Idempotency-Key", key.toString())
                .body(IncidentReportingTest.report("ELOPEMENT", "HIGH", site).replace("\"reporterId\":\"staff-ana\",", ""))
                .when().post("/api/incidents")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(storedAt(site)).isEqualTo(1);
    }

    private static Response get(Future<Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

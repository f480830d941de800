package org.haven.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.incident.domain.Incident;
import org.haven.incident.domain.IncidentType;
import org.haven.incident.domain.Severity;
import org.jboss.logmanager.ExtLogRecord;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTokens;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IdempotentSubmissionTest {

    @Inject
    EntityManager entityManager;

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

    /**
     * The look-up finds nothing because the first submission has not committed yet; the second one's insert then
     * waits on the key's unique index, fails once the first commits, and answers with the first one's incident.
     */
    @Test
    void aSubmissionRacingAnUncommittedOneWithTheSameKeyGetsItsIncidentAndLogsNoNarrative() throws Exception {
        String site = "site-" + UUID.randomUUID();
        UUID key = UUID.randomUUID();
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        Queue<String> logged = new ConcurrentLinkedQueue<>();
        Handler logCapture = capturing(logged);
        Logger.getLogger("").addHandler(logCapture);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<UUID> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                Incident incident = storedElopement(site, key);
                incident.persistAndFlush();
                firstInserted.countDown();
                assertThat(commitFirst.await(30, TimeUnit.SECONDS)).isTrue();
                return incident.id;
            }));
            assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();

            Future<Response> second = pool.submit(() -> submit(site, key));
            await().atMost(Duration.ofSeconds(20)).until(this::anInsertWaitsOnALock);
            commitFirst.countDown();

            UUID winner = first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS).then().statusCode(200).body("id", equalTo(winner.toString()));
        } finally {
            commitFirst.countDown();
            pool.shutdownNow();
            Logger.getLogger("").removeHandler(logCapture);
        }
        assertThat(storedAt(site)).isEqualTo(1);
        assertThat(logged).as("the failed insert was logged").anyMatch(line -> line.contains("incident_idempotency_key_unique"));
        assertThat(logged).noneMatch(line -> line.contains("Client did not return from school") || line.contains("Blue hoodie"));
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

    private boolean anInsertWaitsOnALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE 'insert into incident %'")
                .getSingleResult()).longValue() > 0);
    }

    private static Incident storedElopement(String site, UUID key) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.idempotencyKey = key;
        incident.siteId = site;
        incident.type = IncidentType.ELOPEMENT;
        incident.severity = Severity.HIGH;
        incident.occurredAt = TestTime.now().minus(20, ChronoUnit.MINUTES);
        incident.reportedAt = TestTime.now().truncatedTo(ChronoUnit.MICROS);
        incident.summary = "First of two submissions";
        incident.reporterId = "staff-ana";
        incident.involvedStaffIds = List.of("staff-ana");
        incident.witnessIds = List.of();
        incident.clientCodes = List.of();
        incident.critical = true;
        incident.criticalityRule = "type ELOPEMENT is always critical";
        return incident;
    }

    /** Everything logged while it is installed, as it would be written (message and exception). */
    private static Handler capturing(Queue<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static Response get(Future<Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

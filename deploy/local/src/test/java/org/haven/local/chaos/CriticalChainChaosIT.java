package org.haven.local.chaos;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.haven.local.ClientCodes;
import org.haven.local.Colleagues;
import org.haven.local.DemoTokens;
import org.haven.local.HavenPlatform;
import org.haven.local.PlatformExtension;
import org.haven.local.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reports critical incidents at a steady rate while a random service is SIGKILLed and restarted every
 * few seconds and the Kafka broker is restarted once; afterwards every incident has exactly one debrief,
 * exactly one alert per recipient and exactly the expected wellness follow-ups.
 *
 * <p>Small in the default build; larger with {@code -Dhaven.chaos.incidents=500 -Dhaven.chaos.rate=10}.
 */
@ExtendWith(PlatformExtension.class)
class CriticalChainChaosIT {

    private static final int INCIDENTS = Integer.getInteger("haven.chaos.incidents", 40);
    private static final double RATE = Double.parseDouble(System.getProperty("haven.chaos.rate", "2"));
    private static final Duration KILL_EVERY = Duration.ofSeconds(Long.getLong("haven.chaos.kill-every-seconds", 4));
    private static final String SITE = "site-south";
    private static final String REPORTER = "staff-cy";
    private static final String SUPERVISOR = "sup-south";
    private static final int FOLLOW_UPS_PER_PERSON = 3;

    @Test
    void nothingIsLostOrDoubledWhileServicesAndTheBrokerDie() throws Exception {
        HavenPlatform platform = PlatformExtension.platform();
        String reporterToken = DemoTokens.of(REPORTER);
        String readerToken = DemoTokens.of(SUPERVISOR);
        Map<String, String> incidents = new ConcurrentHashMap<>(); // idempotency key -> incident id
        AtomicBoolean reporting = new AtomicBoolean(true);
        List<String> faults = Collections.synchronizedList(new ArrayList<>());
        // A report names only people who work at its site: the drill's colleagues join site-south first.
        Colleagues.hire(SITE, java.util.stream.IntStream.range(0, INCIDENTS).mapToObj(i -> "staff-chaos-" + i).toList());

        ExecutorService workers = Executors.newFixedThreadPool(2);
        Future<?> chaos = workers.submit(() -> injectFaults(platform, reporting, faults));
        Future<?> reporter = workers.submit(() -> {
            long interval = (long) (1_000_000_000L / RATE);
            long next = System.nanoTime();
            for (int i = 0; i < INCIDENTS; i++) {
                String key = UUID.randomUUID().toString();
                incidents.put(key, report(platform, reporterToken, key, "staff-chaos-" + i));
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
            }
            reporting.set(false);
            return null;
        });
        reporter.get();
        chaos.get();
        workers.shutdown();
        // After the broker restart, readiness reports DOWN until each client has reconnected.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> platform.services().stream()
                .allMatch(service -> given().when().get(service.baseUrl() + "/q/health/ready").statusCode() == 200));

        List<String> ids = List.copyOf(incidents.values());
        Function<String, Counts> count = id -> new Counts(
                list(platform, "debrief-service", "/api/debriefs?incidentId=" + id, readerToken).size(),
                list(platform, "notification-service", "/api/alerts?incidentId=" + id, readerToken),
                list(platform, "wellness-service", "/api/followups?incidentId=" + id + "&size=100", readerToken).size());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> ids.stream().map(count).allMatch(Counts::complete));
        Map<String, Counts> settled = new LinkedHashMap<>();
        ids.forEach(id -> settled.put(id, count.apply(id)));

        long debriefs = settled.values().stream().mapToLong(Counts::debriefs).sum();
        long alerts = settled.values().stream().mapToLong(c -> c.alerts().size()).sum();
        long followUps = settled.values().stream().mapToLong(Counts::followUps).sum();
        System.out.printf("%nChaos: %d incidents reported at %.1f/s; faults injected: %s%n", ids.size(), RATE, faults);
        System.out.printf("Chaos: debriefs %d (expected %d), alerts %d (expected %d), follow-ups %d (expected %d)%n",
                debriefs, ids.size(), alerts, ids.size(), followUps, ids.size() * 2L * FOLLOW_UPS_PER_PERSON);

        assertThat(ids).as("every accepted report has its own incident").doesNotHaveDuplicates().hasSize(INCIDENTS);
        assertThat(faults).as("faults were really injected").anyMatch(f -> f.startsWith("kill")).contains("restart kafka");
        settled.forEach((id, c) -> {
            assertThat(c.debriefs()).as("debriefs of %s", id).isEqualTo(1);
            Map<Object, Long> perRecipient = c.alerts().stream()
                    .collect(Collectors.groupingBy(a -> String.valueOf(a.get("recipientId")), Collectors.counting()));
            assertThat(perRecipient).as("alerts per recipient of %s", id).containsEntry(SUPERVISOR, 1L).allSatisfy((r, n) -> assertThat(n).isEqualTo(1L));
            assertThat(c.followUps()).as("follow-ups of %s", id).isEqualTo(2 * FOLLOW_UPS_PER_PERSON);
        });
    }

    private record Counts(int debriefs, List<Map<String, Object>> alerts, int followUps) {
        boolean complete() {
            return debriefs >= 1 && !alerts.isEmpty() && followUps >= 2 * FOLLOW_UPS_PER_PERSON;
        }
    }

    /** Posts one report, retrying with the same idempotency key until incident-service accepts it. */
    private static String report(HavenPlatform platform, String token, String key, String involved) {
        String body = """
                {"siteId":"%1$s","type":"ELOPEMENT","severity":"HIGH","occurredAt":"%2$s","summary":"Chaos drill report",
                 "involvedStaffIds":["%3$s","%4$s"],"clientCodes":["%5$s"],
                 "lastSeen":{"at":"%2$s","place":"Back gate","clothing":"Grey hoodie"}}"""
                .formatted(SITE, PlatformExtension.now().minus(2, ChronoUnit.MINUTES), REPORTER, involved, ClientCodes.of("chaos"));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                Response response = given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json").body(body)
                        .when().post(platform.service("incident-service").baseUrl() + "/api/incidents");
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    return response.jsonPath().getString("id");
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError("report refused: " + response.statusCode() + " " + response.asString());
                }
            } catch (RuntimeException connectionRefused) {
                // incident-service is down right now: a phone would retry, with the same key
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("incident-service never came back");
            }
            sleepNanos(Duration.ofMillis(250).toNanos());
        }
    }

    private static Void injectFaults(HavenPlatform platform, AtomicBoolean reporting, List<String> faults) throws Exception {
        Random random = new Random(42);
        boolean kafkaRestarted = false;
        int kills = 0;
        while (reporting.get() || !kafkaRestarted || kills < 2) {
            sleepNanos(KILL_EVERY.toNanos());
            if (!kafkaRestarted && faults.size() >= 1) {
                platform.restartKafka();
                faults.add("restart kafka");
                kafkaRestarted = true;
                continue;
            }
            ServiceSpec victim = platform.services().get(random.nextInt(platform.services().size()));
            platform.killService(victim);
            faults.add("kill -9 " + victim.name());
            kills++;
            platform.startService(victim);
            platform.awaitReady(victim);
        }
        return null;
    }

    private static List<Map<String, Object>> list(HavenPlatform platform, String service, String path, String token) {
        JsonPath body = given().auth().oauth2(token).when().get(platform.service(service).baseUrl() + path)
                .then().statusCode(200).extract().jsonPath();
        return body.getList("items");
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

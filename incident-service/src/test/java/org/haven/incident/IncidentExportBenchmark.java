package org.haven.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookies;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestSignIn;
import org.haven.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (Surefire does not pick up {@code *Benchmark}; run it by name): fills the database with 100,000 incidents
 * over a year at ten sites, a third of them critical with three checklist items each, then downloads a year's CSV as a
 * director and prints the time, the size, and the heap the JVM (service and this client together) used while it
 * streamed: {@code ./mvnw -pl incident-service test -Dtest=IncidentExportBenchmark}. Figures: docs/benchmarks.md.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class IncidentExportBenchmark {

    static final int INCIDENTS = Integer.getInteger("haven.benchmark.incidents", 100_000);

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/")
    URI base;

    @Test
    void exportAYearOfAHundredThousandIncidents() throws Exception {
        List<String> sites = IntStream.range(0, 10).mapToObj(i -> "bench-" + i).toList();
        long filling = System.nanoTime();
        fill(sites);
        System.out.printf("BENCHMARK filled %,d incidents in %.1f s%n", INCIDENTS, (System.nanoTime() - filling) / 1e9);

        Cookies session = TestSignIn.session("/app/reports", TestTokens.director("bench-director", sites.toArray(String[]::new)));
        String cookie = session.asList().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpClient client = HttpClient.newHttpClient();
        for (String run : List.of("warm-up", "measured")) {
            System.gc();
            long heapBefore = usedHeap();
            List<MemoryPoolMXBean> heap = heapPools();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(base.resolve("/app/reports/incidents.csv?from=2025-01-01&to=2025-12-31"))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long lines = 0;
            long firstByte = 0;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    if (firstByte == 0 && n > 0) {
                        firstByte = System.nanoTime();
                    }
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            long elapsed = System.nanoTime() - started;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            assertThat(response.statusCode()).isEqualTo(200);
            System.out.printf("BENCHMARK %s: %,d records (%,d bytes) in %.2f s, first bytes after %.0f ms; heap used before %,d MB,"
                            + " peak of the heap pools during %,d MB, max heap %,d MB%n", run, lines - 1, bytes, elapsed / 1e9,
                    (firstByte - started) / 1e6, heapBefore >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private void fill(List<String> sites) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            for (String site : sites) {
                entityManager.createNativeQuery("INSERT INTO org_site (id, name, time_zone, source_partition, source_offset)"
                        + " VALUES (?1, ?1, 'America/New_York', 0, 0) ON CONFLICT DO NOTHING").setParameter(1, site).executeUpdate();
            }
            entityManager.createNativeQuery("""
                    INSERT INTO incident (id, site_id, type, severity, occurred_at, reported_at, summary, reporter_id,
                                          involved_staff_ids, witness_ids, client_codes, critical, criticality_rule, location)
                    SELECT gen_random_uuid(), 'bench-' || (n % 10),
                           CASE WHEN n % 3 = 0 THEN 'ELOPEMENT' ELSE 'PROPERTY_DAMAGE' END, 'HIGH',
                           TIMESTAMPTZ '2025-01-01 05:00:00+00' + (n * INTERVAL '1 second' * (31536000.0 / ?1)),
                           TIMESTAMPTZ '2025-01-01 05:10:00+00' + (n * INTERVAL '1 second' * (31536000.0 / ?1)),
                           repeat('A resident left the house after an argument, "said she would be back", ', 4) || n,
                           'staff-' || (n % 200), ARRAY['staff-1'], ARRAY[]::text[], ARRAY['C-7F3KW'], n % 3 = 0,
                           'benchmark', 'Lounge, east wing'
                    FROM generate_series(0, ?1 - 1) AS n""").setParameter(1, INCIDENTS).executeUpdate();
            entityManager.createNativeQuery("""
                    INSERT INTO external_notification (id, incident_id, site_id, incident_type, jurisdiction, rule_id,
                                                       recipient, instructions, due_at, done_by, done_at)
                    SELECT gen_random_uuid(), i.id, i.site_id, i.type, 'us-generic', rule, 'Agency for ' || rule,
                           'Call and record the reference number', i.reported_at + INTERVAL '2 hours', 'staff-1',
                           i.reported_at + INTERVAL '1 hour'
                    FROM incident i, unnest(ARRAY['law-enforcement', 'guardian-or-placing-agency', 'licensing-agency']) AS rule
                    WHERE i.critical AND i.site_id LIKE 'bench-%'""").executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("ANALYZE incident").executeUpdate());
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

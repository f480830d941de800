package org.haven.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.haven.local.AotMode;
import org.haven.local.HavenPlatform;
import org.haven.local.PlatformLayout;
import org.haven.local.ServiceSpec;
import org.haven.local.identity.LocalIdentityProvider;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./haven-local bench}: starts the local platform on free ports and measures, in one run,
 * (a) the machine's floor — one Kafka hop and one PostgreSQL insert-commit; (b) end-to-end latency from
 * {@code POST} of a critical incident to each effect's event on Kafka (the alert, the debrief and the
 * follow-ups, each committed in its service's database) at a steady rate; (c) the highest sustained
 * rate of accepted POSTs; (d) each service's start time and RSS at idle and under load. Prints a
 * table and writes JSON. A harness, not a test: it asserts nothing.
 */
public final class HavenBenchmark {

    /** The events that announce each timed effect, by type; a rescheduled circle announces the incidents it took in. */
    private static final Map<String, String> EFFECT_OF_TYPE = Map.of(
            "org.haven.notification.AlertRaised", "alert",
            "org.haven.debrief.DebriefScheduled", "debrief",
            "org.haven.wellness.FollowUpOpened", "followUps");
    private static final String DEBRIEF_RESCHEDULED = "org.haven.debrief.DebriefRescheduled";
    private static final Set<String> OBSERVED_TYPES = Stream.concat(EFFECT_OF_TYPE.keySet().stream(), Stream.of(DEBRIEF_RESCHEDULED))
            .collect(Collectors.toUnmodifiableSet());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "bench-http");
                thread.setDaemon(true);
                return thread;
            })).build();

    private HavenBenchmark() {
    }

    private static final String USAGE = """
            Usage: ./haven-local bench [options]
              --rate=50             critical incidents per second in the end-to-end run
              --seconds=60          length of the end-to-end run
              --warm-up-seconds=0   an unmeasured run at the same rate first
              --max-seconds=20      length of the highest-accepted-POSTs run
              --workers=32          concurrent clients in that run
              --services=a,b        start only these services (default: all four; fewer implies
                                    --only=start), e.g.
                                    --services=incident-service --only=start for one service alone
              --only=start          measure only start: ready time, CPU until ready, CPU and RSS at idle
              --aot=off             off: services run on the launcher's JDK, no cache (comparable runs);
                                    use: they start from their JDK 25+ AOT cache when a fresh one exists;
                                    train: those without one make it during this run (written as they
                                    stop; ./haven-local does this). HAVEN_AOT wins over this option.
              --out=PATH            where the JSON goes (default deploy/local/target/benchmark.json)
            The JDK 25+ for AOT caches: HAVEN_JAVA_HOME, else the launcher's, else the newest in /usr/lib/jvm
            and the like. HAVEN_JAVA_OPTS adds JVM options to every service ("{service}" = its name).""";

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options = options(args);
        boolean startOnly = "start".equals(options.get("only"));
        List<String> serviceNames = List.of(options.getOrDefault("services",
                "incident-service,debrief-service,notification-service,wellness-service").split(","));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int maxSeconds = Integer.parseInt(options.getOrDefault("max-seconds", "20"));
        int warmUpSeconds = Integer.parseInt(options.getOrDefault("warm-up-seconds", "0"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "32"));
        Path root = Path.of(System.getProperty("haven.root", ".")).toAbsolutePath().normalize();
        Path out = Path.of(options.getOrDefault("out", root.resolve("deploy/local/target/benchmark.json").toString()));
        Path data = Files.createTempDirectory("haven-bench");
        PlatformLayout layout = new PlatformLayout(root, data, free(), free(), free(), 0, free(), free(), free(), free(), free());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version")));
        AotMode aot = AotMode.parse(options.getOrDefault("aot", "off"));
        report.put("aot", aot.name());
        try (HavenPlatform platform = new HavenPlatform(layout, serviceNames).aot(aot)) {
            platform.start();
            Map<String, Object> start = new LinkedHashMap<>();
            platform.readyAfter().forEach((name, took) -> start.put(name, took.toMillis()));
            report.put("readyAfterMs", start);
            Map<String, Object> startCpu = new LinkedHashMap<>();
            platform.cpuToReady().forEach((name, cpu) -> startCpu.put(name, cpu.toMillis()));
            report.put("cpuMsToReady", startCpu);
            Thread.sleep(5_000);
            Map<String, Duration> idleFrom = platform.cpuTime();
            long idleStart = System.nanoTime();
            Thread.sleep(10_000);
            double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
            Map<String, Object> idleCpu = new LinkedHashMap<>();
            platform.cpuTime().forEach((name, cpu) -> idleCpu.put(name,
                    Math.round(cpu.minus(idleFrom.getOrDefault(name, Duration.ZERO)).toMillis() / idleSeconds)));
            report.put("cpuMsPerSecondIdle", idleCpu);
            report.put("rssIdleMiB", platform.rssMiB());
            if (startOnly || serviceNames.size() < 4) {
                Files.createDirectories(out.getParent());
                JSON.writeValue(out.toFile(), report);
                printStart(report);
                System.out.println("\nJSON: " + out);
                return;
            }

            System.out.println("\n(a) floor …");
            Percentiles hop = FloorProbe.kafkaHop(platform.kafkaBootstrap(), 2_000, 200);
            Percentiles commit = FloorProbe.postgresCommit(layout.jdbcUrl("haven_incident"), "postgres", "postgres", 2_000, 200);
            report.put("floorKafkaHop", hop);
            report.put("floorPostgresCommit", commit);
            double floorP50 = 2 * hop.p50() + 2 * commit.p50();
            double floorP99 = 2 * hop.p99() + 2 * commit.p99();
            report.put("floorChain", Map.of("definition", "2 Kafka hops + 2 PostgreSQL commits", "p50Ms", floorP50, "p99Ms", floorP99));

            String token = token(platform.oidcIssuer(), "staff-ana");
            String incidents = platform.service("incident-service").baseUrl() + "/api/incidents";

            if (warmUpSeconds > 0) {
                System.out.printf("(b) warm-up: %d incidents/s for %d s, not measured …%n", rate, warmUpSeconds);
                report.put("warmUp", warmUp(platform, incidents, token, rate, warmUpSeconds));
            }
            System.out.printf("(b) end-to-end at %d incidents/s for %d s …%n", rate, seconds);
            Map<String, Object> e2e = endToEnd(platform, incidents, token, rate, seconds);
            report.put("endToEnd", e2e);
            report.put("rssUnderLoadMiB", e2e.remove("rssUnderLoadMiB"));

            System.out.printf("(c) highest sustained accepted POSTs (%d workers, %d s) …%n", workers, maxSeconds);
            Map<String, Duration> cpuBefore = platform.cpuTime();
            Map<String, Object> max = maxAccepted(incidents, token, workers, maxSeconds);
            max.put("cpuMsPerAccepted", cpuPer(cpuBefore, platform.cpuTime(), (Long) max.get("accepted")));
            report.put("maxAccepted", max);
        } finally {
            deleteTree(data);
        }
        Files.createDirectories(out.getParent());
        JSON.writeValue(out.toFile(), report);
        printTable(report);
        System.out.println("\nJSON: " + out);
    }

    private static Map<String, Object> endToEnd(HavenPlatform platform, String incidents, String token, int rate, int seconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Map<String, Long>> effectAt = new ConcurrentHashMap<>();
        AtomicBoolean observing = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread observer = new Thread(() -> observe(platform.kafkaBootstrap(), effectAt, observing, assigned), "bench-observer");
        observer.start();
        assigned.await(60, TimeUnit.SECONDS);

        Map<String, Duration> cpuBefore = platform.cpuTime();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong unanswered = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstRefusal = new java.util.concurrent.atomic.AtomicReference<>();
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + TimeUnit.SECONDS.toNanos(seconds);
        Map<String, Long> rssPeak = new LinkedHashMap<>();
        long nextRss = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> inFlight = new ArrayList<>();
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now < next) {
                Thread.sleep(0, (int) Math.min(999_999, next - now));
                continue;
            }
            next += interval;
            long sent = System.nanoTime();
            inFlight.add(HTTP.sendAsync(post(incidents, token, "ELOPEMENT", "HIGH"), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        if (response.statusCode() == 201) {
                            accepted.incrementAndGet();
                            sentAt.put(idOf(response.body()), sent);
                        } else {
                            refused.incrementAndGet();
                            firstRefusal.compareAndSet(null, response.statusCode() + " " + response.body());
                        }
                    }));
            if (now >= nextRss) {
                platform.rssMiB().forEach((name, rss) -> rssPeak.merge(name, rss, Math::max));
                nextRss = now + TimeUnit.SECONDS.toNanos(5);
            }
        }
        for (var future : inFlight) {
            future.exceptionally(e -> {
                unanswered.incrementAndGet();
                return null;
            }).join();
        }
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < settle && sentAt.keySet().stream().anyMatch(id -> effectAt.getOrDefault(id, Map.of()).size() < 3)) {
            Thread.sleep(200);
        }
        observing.set(false);
        observer.join();
        Map<String, Double> cpuPerIncident = cpuPer(cpuBefore, platform.cpuTime(), accepted.get());

        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        for (String effect : List.of("alert", "debrief", "followUps")) {
            latencies.put(effect, new ArrayList<>());
        }
        long missing = 0;
        for (var entry : sentAt.entrySet()) {
            Map<String, Long> effects = effectAt.getOrDefault(entry.getKey(), Map.of());
            for (String effect : latencies.keySet()) {
                Long at = effects.get(effect);
                if (at == null) {
                    missing++;
                } else {
                    latencies.get(effect).add(at - entry.getValue());
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate", rate);
        result.put("seconds", seconds);
        result.put("accepted", accepted.get());
        result.put("refused", refused.get());
        result.put("unanswered", unanswered.get());
        if (firstRefusal.get() != null) {
            result.put("firstRefusal", firstRefusal.get());
        }
        result.put("effectsMissingAfter60s", missing);
        latencies.forEach((effect, samples) -> result.put(effect, Percentiles.of(samples)));
        result.put("rssUnderLoadMiB", rssPeak);
        result.put("cpuMsPerIncident", cpuPerIncident);
        return result;
    }

    /**
     * The same load as the measured run, unmeasured, so that the measured run sees the services' code
     * compiled, as a service that has run for a while is. Waits until the services are idle again
     * (their CPU use back near its idle rate), so the warm-up's backlog does not count as latency.
     */
    private static Map<String, Object> warmUp(HavenPlatform platform, String incidents, String token, int rate, int seconds)
            throws Exception {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + TimeUnit.SECONDS.toNanos(seconds);
        List<java.util.concurrent.CompletableFuture<?>> inFlight = new ArrayList<>();
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now < next) {
                Thread.sleep(0, (int) Math.min(999_999, next - now));
                continue;
            }
            next += interval;
            inFlight.add(HTTP.sendAsync(post(incidents, token, "ELOPEMENT", "HIGH"), HttpResponse.BodyHandlers.discarding()));
        }
        for (var future : inFlight) {
            future.exceptionally(e -> null).join();
        }
        long settleFrom = System.nanoTime();
        long deadline = settleFrom + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Map<String, Duration> before = platform.cpuTime();
            Thread.sleep(2_000);
            Map<String, Duration> after = platform.cpuTime();
            boolean idle = platform.services().stream().map(ServiceSpec::name)
                    .allMatch(name -> after.get(name).minus(before.get(name)).toMillis() < 200);
            if (idle) {
                break;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rate", rate);
        result.put("seconds", seconds);
        result.put("settledAfterMs", (System.nanoTime() - settleFrom) / 1_000_000);
        return result;
    }

    /** CPU milliseconds each process spent per unit of work between two readings. */
    private static Map<String, Double> cpuPer(Map<String, Duration> before, Map<String, Duration> after, long units) {
        Map<String, Double> perUnit = new LinkedHashMap<>();
        after.forEach((name, cpu) -> perUnit.put(name,
                Math.round(10.0 * cpu.minus(before.getOrDefault(name, Duration.ZERO)).toMillis() / Math.max(1, units)) / 10.0));
        return perUnit;
    }

    /** Records when each incident's effects are announced on Kafka: by then each is committed in its service. */
    private static void observe(String bootstrap, Map<String, Map<String, Long>> effectAt, AtomicBoolean observing, CountDownLatch assigned) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("notification.events", "debrief.events", "wellness.events"));
            while (consumer.assignment().size() < 3 * 1) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.poll(Duration.ofMillis(100));
            assigned.countDown();
            while (observing.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    Header typeHeader = record.headers().lastHeader("haven-event-type");
                    if (typeHeader == null || !OBSERVED_TYPES.contains(new String(typeHeader.value(), StandardCharsets.UTF_8))) {
                        continue; // not an effect we time: not parsed, so the harness's own CPU stays small
                    }
                    try {
                        JsonNode event = JSON.readTree(record.value());
                        String type = event.path("type").asText();
                        if (DEBRIEF_RESCHEDULED.equals(type)) {
                            // an incident of the same team joined an open circle instead of opening one
                            for (JsonNode joined : event.path("data").path("incidentIds")) {
                                effectAt.computeIfAbsent(joined.asText(), k -> new ConcurrentHashMap<>()).putIfAbsent("debrief", now);
                            }
                            continue;
                        }
                        String effect = EFFECT_OF_TYPE.get(type);
                        String incidentId = event.path("data").path("incidentId").asText(null);
                        if (effect != null && incidentId != null) {
                            effectAt.computeIfAbsent(incidentId, k -> new ConcurrentHashMap<>()).putIfAbsent(effect, now);
                        }
                    } catch (IOException e) {
                        // not an event of ours
                    }
                }
            }
        }
    }

    private static Map<String, Object> maxAccepted(String incidents, String token, int workers, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < workers; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = client.send(post(incidents, token, "PROPERTY_DAMAGE", "LOW"), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 201 ? accepted : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workers", workers);
        result.put("seconds", seconds);
        result.put("kind", "non-critical reports (measures the API's acceptance, not the chain)");
        result.put("accepted", accepted.get());
        result.put("failed", failed.get());
        result.put("acceptedPerSecond", accepted.get() / (double) seconds);
        return result;
    }

    private static HttpRequest post(String url, String token, String type, String severity) {
        String body = """
                {"siteId":"site-north","type":"%1$s","severity":"%2$s","occurredAt":"%3$s","summary":"Benchmark report",
                 "involvedStaffIds":["staff-ana"],"clientCodes":["C-7F3KW"],
                 "lastSeen":{"at":"%3$s","place":"Front door","clothing":"Blue jacket"}}"""
                .formatted(type, severity, Instant.now().minus(1, ChronoUnit.MINUTES));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static String token(String issuer, String username) throws Exception {
        String basic = Base64.getEncoder().encodeToString((LocalIdentityProvider.CLIENT_ID + ":" + LocalIdentityProvider.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username + "&password=demo")).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
    }

    private static void printTable(Map<String, Object> report) {
        Percentiles hop = (Percentiles) report.get("floorKafkaHop");
        Percentiles commit = (Percentiles) report.get("floorPostgresCommit");
        @SuppressWarnings("unchecked")
        Map<String, Object> floor = (Map<String, Object>) report.get("floorChain");
        @SuppressWarnings("unchecked")
        Map<String, Object> e2e = (Map<String, Object>) report.get("endToEnd");
        double floorP50 = (double) floor.get("p50Ms");
        double floorP99 = (double) floor.get("p99Ms");
        System.out.println("\n================ Haven benchmark ================");
        System.out.printf("Floor: Kafka hop           %s%n", hop);
        System.out.printf("Floor: PostgreSQL commit   %s%n", commit);
        System.out.printf("Floor: chain (2 hops + 2 commits)  p50 %.1f ms  p99 %.1f ms%n", floorP50, floorP99);
        if (report.get("warmUp") != null) {
            System.out.printf("%nAfter an unmeasured warm-up: %s%n", report.get("warmUp"));
        }
        System.out.printf("%nEnd to end at %s/s for %s s: accepted %s, refused %s, unanswered %s, effects missing %s%n",
                e2e.get("rate"), e2e.get("seconds"), e2e.get("accepted"), e2e.get("refused"), e2e.get("unanswered"),
                e2e.get("effectsMissingAfter60s"));
        System.out.printf("  CPU ms per incident: %s%n", e2e.get("cpuMsPerIncident"));
        for (String effect : List.of("alert", "debrief", "followUps")) {
            Percentiles p = (Percentiles) e2e.get(effect);
            System.out.printf("  POST -> %-10s %s   = %.1f× / %.1f× the floor (p50 / p99)%n", effect, p, p.p50() / floorP50, p.p99() / floorP99);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> max = (Map<String, Object>) report.get("maxAccepted");
        System.out.printf("%nHighest sustained accepted POSTs: %.0f/s (%s workers, %s s, %s failed)%n",
                max.get("acceptedPerSecond"), max.get("workers"), max.get("seconds"), max.get("failed"));
        System.out.printf("  CPU ms per accepted POST: %s%n", max.get("cpuMsPerAccepted"));
        printStart(report);
        System.out.printf("RSS under load, peak (MiB): %s%n", report.get("rssUnderLoadMiB"));
    }

    private static void printStart(Map<String, Object> report) {
        System.out.printf("%nReady after start (ms): %s%nCPU used until ready (ms): %s%nCPU used at idle (ms per s): %s%n"
                        + "RSS idle (MiB): %s%n",
                report.get("readyAfterMs"), report.get("cpuMsToReady"), report.get("cpuMsPerSecondIdle"), report.get("rssIdleMiB"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    private static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

package org.haven.local;

import org.haven.local.identity.LocalIdentityProvider;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole platform on one machine without Docker: PostgreSQL, a Kafka broker, a mail catcher, a
 * dev-only OpenID Connect provider with the demo people, and the four services as separate processes. Used by the local run and by the end-to-end tests, so the
 * tests exercise exactly what a newcomer starts.
 */
public final class HavenPlatform implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HavenPlatform.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Longer than the consumers' session timeout (45 s), after which the broker drops a killed instance. */
    private static final Duration GROUP_SETTLE_TIMEOUT = Duration.ofSeconds(90);

    private final PlatformLayout layout;
    private final List<ServiceSpec> services;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private MailCatcher mail;
    private LocalIdentityProvider identity;
    private final Map<String, ServiceProcess> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Duration> readyAfter = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Duration> cpuToReady = Collections.synchronizedMap(new LinkedHashMap<>());
    // Tests and the benchmark run the services on the launcher's JDK unless asked (HAVEN_AOT, aot(..)), so
    // that their results do not depend on whether some earlier run left AOT caches behind.
    private AotMode aotMode = aotModeFromEnvironment(AotMode.OFF);
    private Optional<JavaRuntime> aotJdk;
    private final PlatformClock clock = PlatformClock.fromSettings();
    // Set by production(..): a real identity provider instead of the local one, and the prod profile alone.
    private ExternalIdentity externalIdentity;

    /** An OpenID Connect provider the services trust instead of the launcher's local one. */
    public record ExternalIdentity(String issuer, String clientId, String clientSecret) {
    }

    public HavenPlatform(PlatformLayout layout) {
        this(layout, List.of("incident-service", "debrief-service", "notification-service", "wellness-service"));
    }

    /** The platform with only some of the services, e.g. one alone to measure its start without the others'. */
    public HavenPlatform(PlatformLayout layout, Collection<String> serviceNames) {
        this.layout = layout;
        this.services = Stream.of(
                new ServiceSpec("incident-service", "incident-service", "haven_incident", layout.incidentPort()),
                new ServiceSpec("debrief-service", "debrief-service", "haven_debrief", layout.debriefPort()),
                new ServiceSpec("notification-service", "notification-service", "haven_notification", layout.notificationPort()),
                new ServiceSpec("wellness-service", "wellness-service", "haven_wellness", layout.wellnessPort()))
                .filter(service -> serviceNames.contains(service.name()))
                .toList();
        if (services.size() != Set.copyOf(serviceNames).size()) {
            throw new IllegalArgumentException("Unknown service among " + serviceNames);
        }
    }

    /** Whether services start from (or train) a JDK 25+ AOT cache; {@code HAVEN_AOT}, when set, wins. */
    public HavenPlatform aot(AotMode mode) {
        this.aotMode = aotModeFromEnvironment(mode);
        return this;
    }

    /**
     * Runs the services exactly in their production profile ({@code QUARKUS_PROFILE=prod}, none of the local
     * run's allowances: no shifted clock, no demo directory, no published keys) against a real identity provider;
     * the launcher's own provider is not started.
     */
    public HavenPlatform production(ExternalIdentity identity) {
        this.externalIdentity = identity;
        return this;
    }

    static AotMode aotModeFromEnvironment(AotMode otherwise) {
        String configured = System.getenv("HAVEN_AOT");
        return configured == null || configured.isBlank() ? otherwise : AotMode.parse(configured);
    }

    public HavenPlatform start() throws Exception {
        for (ServiceSpec service : services) {
            ServiceProcess.requireJar(service, layout.projectRoot());
        }
        LOG.infof("Data directory: %s", layout.dataDir());
        if (clock.shifted()) {
            LOG.infof("Clock: every service runs at %s now (shifted by %s; HAVEN_CLOCK_AT / HAVEN_CLOCK_OFFSET)", clock.now(), clock.shift());
        }
        long t0 = System.nanoTime();
        postgres = LocalPostgres.start(layout.dataDir(), layout.postgresPort(), services.stream().map(ServiceSpec::database).toList());
        LOG.infof("PostgreSQL ready on 127.0.0.1:%d (%d ms)", layout.postgresPort(), (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        kafka = LocalKafka.start(layout.dataDir(), layout.kafkaPort());
        LOG.infof("Kafka (KRaft) ready on %s (%d ms)", kafka.bootstrap(), (System.nanoTime() - t0) / 1_000_000);
        mail = MailCatcher.start(layout.smtpPort(), layout.mailboxPort(), layout.mail());
        LOG.infof("Mail catcher on smtp://127.0.0.1:%d%s", layout.smtpPort(),
                layout.mailboxPort() > 0 ? ", inbox at http://127.0.0.1:" + layout.mailboxPort() : "");
        if (externalIdentity == null) {
            identity = LocalIdentityProvider.start(layout.dataDir(), layout.identityPort());
            LOG.infof("Sign-in (local identity provider, demo people only) at %s", identity.issuer());
        } else {
            LOG.infof("Sign-in at %s; the services run in their prod profile", externalIdentity.issuer());
        }
        for (ServiceSpec service : services) {
            startService(service);
        }
        for (ServiceSpec service : services) {
            awaitReady(service);
        }
        return this;
    }

    /** Starts (or restarts) one service process; it is ready once {@link #awaitReady} returns. */
    public void startService(ServiceSpec service) throws Exception {
        startService(service, Map.of());
    }

    /**
     * Starts (or restarts) one service process with some of its settings replaced, e.g. an SMS provider
     * for a test; also starts a second instance given {@link ServiceSpec#replica}.
     */
    public void startService(ServiceSpec service, Map<String, String> settings) throws Exception {
        Map<String, String> env = environmentFor(service);
        env.putAll(settings);
        ServiceJvm jvm = ServiceJvm.choose(service, layout.projectRoot(), aotMode, aotJdk());
        if (!jvm.aotOptions().isEmpty()) {
            LOG.infof("%s runs on %s", service.name(), jvm.describe());
        }
        processes.put(service.name(), ServiceProcess.start(service, layout.projectRoot(), layout.logs(), env, jvm));
    }

    private synchronized Optional<JavaRuntime> aotJdk() {
        if (aotJdk == null) {
            aotJdk = aotMode == AotMode.OFF ? Optional.empty()
                    : JavaRuntime.withAotCache(System.getenv(), Path.of(System.getProperty("java.home")), JavaRuntime.usualInstallPlaces());
        }
        return aotJdk;
    }

    /** Stops one service the way an orchestrator would (SIGTERM, then SIGKILL after a grace period). */
    public void stopService(ServiceSpec service) {
        ServiceProcess process = processes.remove(service.name());
        if (process != null) {
            process.close();
        }
    }

    public Duration awaitReady(ServiceSpec service) throws InterruptedException {
        Duration took = processes.get(service.name()).awaitReady(READY_TIMEOUT);
        long settling = System.nanoTime();
        String group = ConsumerGroups.awaitSettled(kafka.bootstrap(), service.module(), GROUP_SETTLE_TIMEOUT);
        long settledMs = (System.nanoTime() - settling) / 1_000_000;
        if (settledMs > 1000) {
            LOG.infof("%s waited %d ms for its consumer group to settle (%s)", service.name(), settledMs, group);
        }
        readyAfter.put(service.name(), took);
        cpuToReady.put(service.name(), processes.get(service.name()).cpuTime());
        LOG.infof("%-21s ready at %s (%.1f s after start, RSS %d MiB)", service.name(), service.baseUrl(),
                took.toMillis() / 1000.0, processes.get(service.name()).rssMiB());
        return took;
    }

    /** The console log of a running service process (appended to across restarts). */
    public java.nio.file.Path logOf(ServiceSpec service) {
        return layout.logs().resolve(service.name() + ".log");
    }

    /** SIGKILLs one service (for fault tests); {@link #startService} and {@link #awaitReady} bring it back. */
    public void killService(ServiceSpec service) {
        ServiceProcess process = processes.remove(service.name());
        if (process != null) {
            process.kill();
        }
    }

    /**
     * Waits only until the service answers its readiness check, not for its consumer group to settle: what a
     * fault test needs to go on injecting while the group still waits out a killed member's session.
     */
    public Duration awaitAnswering(ServiceSpec service) throws InterruptedException {
        return processes.get(service.name()).awaitReady(READY_TIMEOUT);
    }

    /** SIGSTOPs one running service (for fault tests); {@link #resumeService} sends SIGCONT. */
    public void pauseService(ServiceSpec service) {
        processes.get(service.name()).pause(true);
    }

    public void resumeService(ServiceSpec service) {
        processes.get(service.name()).pause(false);
    }

    /**
     * Stops PostgreSQL and starts it again on the same port and data, as a rolling update or a failover does:
     * every open connection breaks and the services' pools have to reconnect.
     */
    public void restartPostgres() throws Exception {
        postgres.close();
        postgres = LocalPostgres.start(layout.dataDir(), layout.postgresPort(), services.stream().map(ServiceSpec::database).toList());
        LOG.infof("PostgreSQL restarted on 127.0.0.1:%d", layout.postgresPort());
    }

    /** Stops the broker and starts it again on the same port and data (for fault tests). */
    public void restartKafka() throws Exception {
        kafka.close();
        kafka = LocalKafka.start(layout.dataDir(), layout.kafkaPort());
        LOG.infof("Kafka restarted on %s", kafka.bootstrap());
    }

    private Map<String, String> environmentFor(ServiceSpec service) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", layout.jdbcUrl(service.database()));
        env.put("DB_USER", LocalPostgres.USER);
        env.put("DB_PASSWORD", LocalPostgres.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(layout.smtpPort()));
        if (externalIdentity == null) {
            env.put("HAVEN_DIRECTORY_SEED", "demo");
        }
        env.put("HAVEN_PUBLIC_URL", "http://localhost:" + layout.incidentPort());
        // Links in alerts and notices lead to the page of the service that serves it (one origin only behind an ingress).
        env.put("HAVEN_APP_URL", "http://localhost:" + layout.notificationPort());
        env.put("HAVEN_INCIDENT_APP_URL", "http://localhost:" + layout.incidentPort());
        env.put("HAVEN_DEBRIEF_APP_URL", "http://localhost:" + layout.debriefPort());
        env.put("HAVEN_WELLNESS_APP_URL", "http://localhost:" + layout.wellnessPort());
        env.put("OTEL_SDK_DISABLED", "true");
        if (externalIdentity != null) {
            env.put("QUARKUS_PROFILE", "prod");
            env.put("OIDC_ISSUER", externalIdentity.issuer());
            env.put("OIDC_CLIENT_ID", externalIdentity.clientId());
            env.put("OIDC_CLIENT_SECRET", externalIdentity.clientSecret());
            // What production demands besides: a key for the wellness answers (the demo one is refused there).
            env.put("WELLNESS_ANSWERS_KEY", Base64.getEncoder().encodeToString(randomBytes(32)));
        } else {
            // The prod profile with the local run's allowances on top (a shifted clock, the published demo keys).
            env.put("QUARKUS_PROFILE", "prod,local");
            if (clock.shifted()) {
                env.put("HAVEN_CLOCK_OFFSET", clock.shift().toString());
            }
            env.put("OIDC_ISSUER", identity.issuer());
            env.put("OIDC_CLIENT_ID", LocalIdentityProvider.CLIENT_ID);
            env.put("OIDC_CLIENT_SECRET", LocalIdentityProvider.CLIENT_SECRET);
        }
        if (service.module().equals("notification-service")) {
            env.put("HAVEN_NOTIFICATION_ACK_LINK_SECRET", ackLinkSecret());
            List<String> vapid = vapidKeys();
            env.put("HAVEN_VAPID_PUBLIC_KEY", vapid.get(0));
            env.put("HAVEN_VAPID_PRIVATE_KEY", vapid.get(1));
        }
        return env;
    }

    /**
     * The key that signs the acknowledgement links in alert mails: made at random for this data directory and
     * kept in it, so the links in mails already sent still work after a restart (and in a second replica).
     */
    private synchronized String ackLinkSecret() {
        Path file = layout.dataDir().resolve("ack-link.secret");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the acknowledgement-link key in " + file, e);
        }
    }

    /**
     * The VAPID pair that signs web pushes (public point, private scalar; base64url), made for this data directory and
     * kept in it: browsers subscribed with its public key are reached only while it stays the same.
     */
    private synchronized List<String> vapidKeys() {
        Path file = layout.dataDir().resolve("vapid.keys");
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
                byte[] point = new byte[65];
                point[0] = 4;
                fixed32(publicKey.getW().getAffineX(), point, 1);
                fixed32(publicKey.getW().getAffineY(), point, 33);
                byte[] scalar = new byte[32];
                fixed32(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
                Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
                Files.write(file, List.of(encoder.encodeToString(point), encoder.encodeToString(scalar)));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readAllLines(file).stream().map(String::trim).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the web push keys in " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make a P-256 key pair", e);
        }
    }

    private static void fixed32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, start, out, offset + 32 - (bytes.length - start), bytes.length - start);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    public List<ServiceSpec> services() {
        return services;
    }

    public ServiceSpec service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public Map<String, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    /** CPU time each service had used when it became ready: what starting cost, however busy the machine. */
    public Map<String, Duration> cpuToReady() {
        return Map.copyOf(cpuToReady);
    }

    public Map<String, Long> rssMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        synchronized (processes) {
            processes.forEach((name, process) -> rss.put(name, process.rssMiB()));
        }
        return rss;
    }

    /**
     * CPU time used so far by each service, by PostgreSQL (the postmaster and its backends) and by this JVM
     * (the broker runs in it). Differences between two readings tell what a workload cost, which stays
     * meaningful on a machine busy with other work where latencies do not.
     */
    public Map<String, Duration> cpuTime() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        synchronized (processes) {
            processes.forEach((name, process) -> cpu.put(name, process.cpuTime()));
        }
        cpu.put("postgres", postgresCpuTime());
        cpu.put("launcher+kafka", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return cpu;
    }

    private Duration postgresCpuTime() {
        String dataDir = layout.dataDir().resolve("postgres").toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dataDir)).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** The time the services run at: the real clock unless HAVEN_CLOCK_AT or HAVEN_CLOCK_OFFSET shifted it. */
    public PlatformClock clock() {
        return clock;
    }

    /** The issuer the services trust; its token endpoint is {@code <issuer>/protocol/openid-connect/token}. */
    public String oidcIssuer() {
        return externalIdentity != null ? externalIdentity.issuer() : identity.issuer();
    }

    /** JDBC URL of a service's database on the platform's PostgreSQL (user and password: postgres). */
    public String jdbcUrl(ServiceSpec service) {
        return layout.jdbcUrl(service.database());
    }

    public String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    public jakarta.mail.internet.MimeMessage[] mailReceived() {
        return mail.received();
    }

    @Override
    public void close() {
        List<ServiceProcess> running;
        synchronized (processes) {
            running = new ArrayList<>(processes.values());
            processes.clear();
        }
        if (running.stream().anyMatch(ServiceProcess::isTraining)) {
            LOG.info("Writing the services' AOT caches (once per build; the next start is faster)…");
        }
        running.parallelStream().forEach(ServiceProcess::close);
        closeQuietly(identity);
        closeQuietly(mail);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warnf("Could not stop %s cleanly: %s", resource.getClass().getSimpleName(), e.getMessage());
        }
    }
}

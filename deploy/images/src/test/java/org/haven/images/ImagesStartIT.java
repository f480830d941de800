package org.haven.images;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.haven.testing.TestKafka;
import org.haven.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves the built images start: each service's {@code jib-image.tar} is unpacked and run with exactly the
 * environment the dev overlay gives its Deployment (ConfigMaps resolved, Secrets with generated values), with only
 * the Kafka, PostgreSQL and identity-provider addresses pointed at a local broker, database server and OIDC
 * stand-in, until its readiness probe reports UP. See {@link ImageRun} for how the container is emulated.
 */
class ImagesStartIT {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/]+)/([a-z_]+)(.*)");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private static OidcWiremockTestResource identityProvider;
    private static String oidcIssuer;
    private static final List<ImageRun> runs = new ArrayList<>();

    @BeforeAll
    static void startKafkaPostgresAndIdentityProvider() {
        TestKafka.shared();
        TestPostgres.shared();
        identityProvider = new OidcWiremockTestResource();
        oidcIssuer = identityProvider.start().get("keycloak.url") + "/realms/quarkus";
    }

    @AfterAll
    static void stop() {
        runs.parallelStream().forEach(ImageRun::close);
        if (identityProvider != null) {
            identityProvider.stop();
        }
    }

    @Test
    void everyServiceImageBecomesReadyWithTheEnvironmentItsManifestGivesIt() throws Exception {
        DevOverlay overlay = DevOverlay.render(Services.root());
        TestSecrets secrets = new TestSecrets("haven");
        Path workDir = Files.createDirectories(Path.of("target", "image-runs").toAbsolutePath());

        for (String service : Services.ALL) {
            ContainerSpec container = overlay.container(service, secrets::value);
            createOwnedDatabase(databaseOf(service, container.env().get("DB_URL")),
                    container.env().get("DB_USER"), container.env().get("DB_PASSWORD"));
            runs.add(ImageRun.start(Services.image(service), container, addresses(container), workDir, freePort()));
        }

        for (ImageRun run : runs) {
            await(run.spec().service() + " readiness").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(run.readiness()).as(run.spec().service()).startsWith("200 ")
                            .contains("\"status\": \"UP\""));
        }
        for (ImageRun run : runs) {
            assertThat(run.readiness()).as(run.spec().service() + " readiness checks")
                    .contains("Database connections health check").containsIgnoringCase("kafka");
            assertThat(run.processUid()).as(run.spec().service() + " process user").isNotZero();
            if (ImageRun.switchesToManifestUser()) {
                assertThat(run.processUid()).as(run.spec().service() + " process user").isEqualTo(run.spec().runAsUser());
            }
            assertThat(run.rootChanges()).as(run.spec().service() + " wrote outside its emptyDir mounts").isEmpty();
        }
    }

    /** The manifest's values for the cluster's addresses, replaced by the local ones (nothing else changes). */
    private static Map<String, String> addresses(ContainerSpec container) {
        Map<String, String> local = new LinkedHashMap<>();
        Matcher url = JDBC_URL.matcher(container.env().get("DB_URL"));
        assertThat(url.matches()).as(container.service() + " DB_URL " + container.env().get("DB_URL")).isTrue();
        local.put("DB_URL", "jdbc:postgresql://" + postgresHostAndPort() + "/" + url.group(2) + url.group(3));
        local.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.shared().bootstrapServers());
        local.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"); // the embedded broker has no TLS listener
        local.put("OIDC_ISSUER", oidcIssuer);
        // WireMock speaks plain HTTP: without the "kubernetes" profile there is no Keycloak certificate to trust (in a
        // pod it is mounted from haven-keycloak-tls)
        local.put("QUARKUS_PROFILE", "prod");
        return local;
    }

    private static String databaseOf(String service, String jdbcUrl) {
        Matcher url = JDBC_URL.matcher(jdbcUrl == null ? "" : jdbcUrl);
        assertThat(url.matches()).as(service + " DB_URL " + jdbcUrl).isTrue();
        return url.group(2);
    }

    /** One database per service, owned by its own login role: what CloudNativePG's Database and managed roles create. */
    private static void createOwnedDatabase(String database, String owner, String password) throws SQLException {
        TestPostgres postgres = TestPostgres.shared();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("DROP ROLE IF EXISTS " + owner);
            sql.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + password + "'");
            sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
        }
    }

    private static String postgresHostAndPort() {
        Matcher url = JDBC_URL.matcher(TestPostgres.shared().jdbcUrl());
        if (!url.matches()) {
            throw new AssertionError("unexpected local PostgreSQL URL " + TestPostgres.shared().jdbcUrl());
        }
        return url.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

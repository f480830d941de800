package org.haven.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts one packaged service by hand in its prod profile, against the platform's real database and broker,
 * with settings a test chooses, and returns what it logged before it exited by itself: for tests that a
 * setting meant for tests or the demo stops a production service from starting.
 */
final class ProductionStart {

    private static final Path ROOT = Path.of(System.getProperty("haven.root", "../..")).toAbsolutePath().normalize();

    private ProductionStart() {
    }

    /** Everything a production start needs (database, broker, issuer) unless {@code settings} take it away. */
    static Map<String, String> completeSettings(String service) {
        HavenPlatform platform = PlatformExtension.platform();
        return new java.util.HashMap<>(Map.of(
                "DB_URL", platform.jdbcUrl(platform.service(service)),
                "DB_USER", "postgres",
                "DB_PASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", platform.kafkaBootstrap(),
                "OIDC_ISSUER", platform.oidcIssuer(),
                "OIDC_CLIENT_ID", org.haven.local.identity.LocalIdentityProvider.CLIENT_ID,
                "OIDC_CLIENT_SECRET", org.haven.local.identity.LocalIdentityProvider.CLIENT_SECRET));
    }

    /** The log of a start that must end by itself with a non-zero exit; {@code null} values remove a variable. */
    static String refusedStartLog(String service, Map<String, String> settings) throws Exception {
        Path jar = ROOT.resolve(service + "/target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile(service + "-refused", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OIDC_") || name.startsWith("QUARKUS_OIDC")
                || name.startsWith("HAVEN_"));
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_PROFILE", "prod");
        settings.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the service exits by itself").isTrue();
            assertThat(process.exitValue()).isNotZero();
            return Files.readString(log);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}

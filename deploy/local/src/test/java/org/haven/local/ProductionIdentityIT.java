package org.haven.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run's token issuer can never be on in production: it is not in any service's artifact, and a
 * service in its prod profile without a configured issuer refuses to start rather than trusting anyone.
 */
@ExtendWith(PlatformExtension.class)
class ProductionIdentityIT {

    private static final Path ROOT = Path.of(System.getProperty("haven.root", "../..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"incident-service", "debrief-service", "notification-service", "wellness-service"})
    void noServiceArtifactContainsTheLocalIdentityProvider(String service) throws IOException {
        Path app = ROOT.resolve(service).resolve("target/quarkus-app");
        assertThat(app.resolve("quarkus-run.jar")).exists();
        List<Path> jars;
        try (Stream<Path> files = Files.walk(app)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).isNotEmpty();
        for (Path jar : jars) {
            assertThat(jar.getFileName().toString()).doesNotStartWith("org.haven.haven-local");
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.stream().map(e -> e.getName()).filter(name -> name.startsWith("org/haven/local/")))
                        .as("%s in %s", "the local identity provider", jar).isEmpty();
            }
        }
    }

    @Test
    void aServiceInItsProdProfileWithoutAnIssuerRefusesToStart() throws Exception {
        // Everything but the issuer is there (the platform's real database and broker), so the issuer is the
        // only reason it can refuse; were it not enforced, the service would start and this test would fail.
        Map<String, String> settings = ProductionStart.completeSettings("incident-service");
        settings.keySet().removeIf(name -> name.startsWith("OIDC_"));
        String log = ProductionStart.refusedStartLog("incident-service", settings);
        // The default tenant or the pages' tenant, whichever Quarkus checks first: neither has an issuer.
        assertThat(log).containsPattern("'quarkus\\.oidc\\.(web\\.)?auth-server-url' property must be configured");
    }
}

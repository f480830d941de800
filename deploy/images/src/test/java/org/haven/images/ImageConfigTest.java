package org.haven.images;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's image, as the build wrote it to {@code target/jib-image.tar}, is configured to run the way its
 * Deployment expects: the fast-jar's entrypoint, the manifest's non-root user, the port the probes and Service use.
 */
class ImageConfigTest {

    private static final java.util.List<String> SERVICES = Services.ALL;
    private static DevOverlay overlay;

    @BeforeAll
    static void render() {
        overlay = DevOverlay.render(Services.root());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageIsTaggedWithTheReleaseVersionInTheRepositoryTheManifestPulls(String service) {
        ImageTar image = Services.image(service);
        String manifestImage = container(service).image();

        assertThat(image.repoTags()).containsExactly("ghcr.io/haven/" + service + ":" + Services.version());
        assertThat(manifestImage.substring(0, manifestImage.lastIndexOf(':'))).isEqualTo("ghcr.io/haven/" + service);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageRunsTheFastJarFromItsWorkingDirectory(String service) {
        ImageTar image = Services.image(service);
        ImageConfig config = image.config();

        assertThat(config.command()).containsExactly("java", "-jar", "/deployments/quarkus-run.jar");
        assertThat(config.workingDir()).isEqualTo("/deployments");
        assertThat(image.paths()).contains("/deployments/quarkus-run.jar", "/deployments/quarkus/quarkus-application.dat",
                "/deployments/app/" + service + "-" + Services.version() + ".jar", "/deployments/lib/boot");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageRunsAsTheManifestsNonRootUser(String service) {
        ImageConfig config = Services.image(service).config();

        assertThat(config.user()).isEqualTo(String.valueOf(container(service).runAsUser())).isNotIn("", "0", "root");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageListensOnThePortTheDeploymentProbes(String service) {
        ImageConfig config = Services.image(service).config();
        ContainerSpec container = container(service);

        assertThat(config.exposedPorts()).containsExactly(container.httpPort() + "/tcp");
        assertThat(config.env()).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(container.httpPort()));
        assertThat(container.env()).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(container.httpPort()));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void imageKeepsTheDependenciesInALayerOfTheirOwnSoAReleaseShipsOnlyWhatChanged(String service) {
        ImageTar image = Services.image(service);
        String applicationJar = "/deployments/app/" + service + "-" + Services.version() + ".jar";

        assertThat(image.pathsByLayer()).hasSize(3);
        assertThat(image.pathsByLayer().values()).filteredOn(paths -> paths.contains(applicationJar)).singleElement()
                .satisfies(paths -> assertThat(paths).noneMatch(path -> path.startsWith("/deployments/lib/") && path.endsWith(".jar")));
        assertThat(image.pathsByLayer().values()).filteredOn(paths -> paths.stream().anyMatch(path -> path.startsWith("/deployments/lib/main/")))
                .singleElement()
                .satisfies(paths -> assertThat(paths).doesNotContain(applicationJar, "/deployments/quarkus-run.jar"));
    }

    private static ContainerSpec container(String service) {
        return overlay.container(service, (secret, key) -> "not-needed-for-the-image-configuration");
    }
}

package org.haven.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.local.FakeJdks.runtime;

class ServiceJvmTest {

    @TempDir
    Path root;

    private final ServiceSpec incident = new ServiceSpec("incident-service", "incident-service", "haven_incident", 8081);
    private final Path launchersJava = Path.of(System.getProperty("java.home"), "bin", "java");
    private JavaRuntime jdk25;

    @BeforeEach
    void packagedService() throws Exception {
        Path app = root.resolve("incident-service/target/quarkus-app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("quarkus-run.jar"), "runner");
        jdk25 = runtime(root.resolve("jdk-25"), "25.0.3");
    }

    @Test
    void withoutAJdkWithAotCacheServicesRunAsBefore() throws Exception {
        for (AotMode mode : AotMode.values()) {
            ServiceJvm jvm = ServiceJvm.choose(incident, root, mode, Optional.empty());

            assertThat(jvm.java()).isEqualTo(launchersJava);
            assertThat(jvm.aotOptions()).isEmpty();
            assertThat(jvm.training()).isEmpty();
        }
    }

    @Test
    void aServiceWithoutCacheRunsAsBeforeUnlessThisRunTrains() throws Exception {
        assertThat(ServiceJvm.choose(incident, root, AotMode.USE, Optional.of(jdk25)).java()).isEqualTo(launchersJava);

        ServiceJvm training = ServiceJvm.choose(incident, root, AotMode.TRAIN, Optional.of(jdk25));

        assertThat(training.java()).isEqualTo(jdk25.java());
        assertThat(training.aotOptions()).singleElement().asString().startsWith("-XX:AOTCacheOutput=");
        assertThat(training.training()).isPresent();
    }

    @Test
    void aServiceWithAFreshCacheStartsFromItOnThatJdk() throws Exception {
        AotCache cache = AotCache.of(incident, root, jdk25);
        String output = cache.recordingOptions().get(0);
        Files.write(Path.of(output.substring("-XX:AOTCacheOutput=".length())), new byte[] {1});
        cache.adoptRecording();

        for (AotMode mode : new AotMode[] {AotMode.USE, AotMode.TRAIN}) {
            ServiceJvm jvm = ServiceJvm.choose(incident, root, mode, Optional.of(jdk25));

            assertThat(jvm.java()).isEqualTo(jdk25.java());
            assertThat(jvm.aotOptions()).containsExactly("-XX:AOTCache=" + cache.file());
            assertThat(jvm.training()).isEmpty();
        }
        assertThat(ServiceJvm.choose(incident, root, AotMode.OFF, Optional.of(jdk25)).java()).isEqualTo(launchersJava);
    }

    @Test
    void onlyJdksFrom17u9And21u1OnCanTrimTheNativeHeap() throws Exception {
        assertThat(ServiceJvm.trimsNativeHeap(Runtime.Version.parse("17.0.15"))).isTrue();
        assertThat(ServiceJvm.trimsNativeHeap(Runtime.Version.parse("17.0.8"))).isFalse();
        assertThat(ServiceJvm.trimsNativeHeap(Runtime.Version.parse("20.0.2"))).isFalse();
        assertThat(ServiceJvm.trimsNativeHeap(Runtime.Version.parse("21"))).isFalse();
        assertThat(ServiceJvm.trimsNativeHeap(Runtime.Version.parse("21.0.1"))).isTrue();
        assertThat(ServiceJvm.trimsNativeHeap(Runtime.Version.parse("25.0.3"))).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxAServiceOnAJdkThatCanTrimsItsNativeHeap() throws Exception {
        assertThat(ServiceJvm.choose(incident, root, AotMode.TRAIN, Optional.of(jdk25)).memoryOptions())
                .contains("-XX:TrimNativeHeapInterval=5000");
        JavaRuntime oddlyVersioned = runtime(root.resolve("jdk-odd"), "1.8.0_402");
        assertThat(new ServiceJvm(oddlyVersioned.java(), oddlyVersioned.runtimeVersion(), java.util.List.of(), Optional.empty())
                .memoryOptions()).isEmpty();
    }
}

package org.haven.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.local.FakeJdks.runtime;

class AotCacheTest {

    @TempDir
    Path dir;

    private Path app;
    private JavaRuntime jdk25;

    @BeforeEach
    void packagedApp() throws Exception {
        app = dir.resolve("target/quarkus-app");
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("quarkus-run.jar"), "runner");
        Files.writeString(app.resolve("lib/main/org.haven.incident-service.jar"), "classes v1");
        jdk25 = runtime(dir.resolve("jdk-25"), "25.0.3");
    }

    @Test
    void thereIsNoFreshCacheBeforeATrainingRun() {
        assertThat(cache(jdk25).isFresh()).isFalse();
    }

    @Test
    void aFinishedTrainingRunsRecordingBecomesTheFreshCache() throws Exception {
        AotCache cache = cache(jdk25);
        String output = cache.recordingOptions().get(0);
        assertThat(output).startsWith("-XX:AOTCacheOutput=");
        trainingRunWrites(Path.of(output.substring("-XX:AOTCacheOutput=".length())));

        assertThat(cache.adoptRecording()).isTrue();

        assertThat(cache.isFresh()).isTrue();
        assertThat(cache.useOptions()).containsExactly("-XX:AOTCache=" + dir.resolve("target/haven-aot/app.aot"));
    }

    @Test
    void rebuildingTheApplicationMakesTheCacheStale() throws Exception {
        AotCache cache = trainedCache();

        Path classes = app.resolve("lib/main/org.haven.incident-service.jar");
        Files.writeString(classes, "classes v2");
        Files.setLastModifiedTime(classes, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(cache.isFresh()).isFalse();
    }

    @Test
    void aNewDependencyMakesTheCacheStale() throws Exception {
        AotCache cache = trainedCache();

        Files.writeString(app.resolve("lib/main/org.example.added.jar"), "more classes");

        assertThat(cache.isFresh()).isFalse();
    }

    @Test
    void aCacheIsFreshOnlyForTheJdkThatMadeIt() throws Exception {
        trainedCache();

        assertThat(cache(runtime(dir.resolve("jdk-26"), "26.0.1")).isFresh()).isFalse();
        assertThat(cache(jdk25).isFresh()).isTrue();
    }

    @Test
    void aTrainingRunThatWroteNothingLeavesNoCache() throws Exception {
        AotCache cache = cache(jdk25);
        cache.recordingOptions();

        assertThat(cache.adoptRecording()).isFalse();
        assertThat(cache.isFresh()).isFalse();
    }

    @Test
    void aKilledTrainingRunsPartialRecordingIsDiscarded() throws Exception {
        AotCache cache = cache(jdk25);
        Path recording = Path.of(cache.recordingOptions().get(0).substring("-XX:AOTCacheOutput=".length()));
        trainingRunWrites(recording);

        cache.discardRecording();

        assertThat(recording).doesNotExist();
        assertThat(cache.adoptRecording()).isFalse();
        assertThat(cache.isFresh()).isFalse();
    }

    private AotCache trainedCache() throws Exception {
        AotCache cache = cache(jdk25);
        trainingRunWrites(Path.of(cache.recordingOptions().get(0).substring("-XX:AOTCacheOutput=".length())));
        cache.adoptRecording();
        assertThat(cache.isFresh()).isTrue();
        return cache;
    }

    private AotCache cache(JavaRuntime jdk) {
        return new AotCache(app, dir.resolve("target/haven-aot"), jdk);
    }

    private static void trainingRunWrites(Path output) throws Exception {
        Files.write(output, new byte[] {1, 2, 3});
    }
}

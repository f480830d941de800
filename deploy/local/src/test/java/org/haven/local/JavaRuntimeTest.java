package org.haven.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.local.FakeJdks.jdk;

class JavaRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void readsTheVersionFromTheJdksReleaseFile() throws Exception {
        JavaRuntime runtime = JavaRuntime.at(jdk(dir.resolve("temurin-25"), "25.0.3")).orElseThrow();

        assertThat(runtime.version()).isEqualTo("25.0.3");
        assertThat(runtime.feature()).isEqualTo(25);
        assertThat(runtime.hasAotCache()).isTrue();
        assertThat(runtime.java()).isEqualTo(dir.resolve("temurin-25/bin/java"));
    }

    @Test
    void jdksBefore25HaveNoAotCache() throws Exception {
        assertThat(JavaRuntime.at(jdk(dir.resolve("jdk17"), "17.0.15")).orElseThrow().hasAotCache()).isFalse();
        assertThat(JavaRuntime.at(jdk(dir.resolve("jdk8"), "1.8.0_402")).orElseThrow().feature()).isEqualTo(8);
    }

    @Test
    void aFolderWithoutAJdkIsNone() throws Exception {
        Files.createDirectories(dir.resolve("not-a-jdk/bin"));

        assertThat(JavaRuntime.at(dir.resolve("not-a-jdk"))).isEmpty();
        assertThat(JavaRuntime.at(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void picksTheNewestJdkWithAotCacheAmongThoseInstalled() throws Exception {
        Path jvms = dir.resolve("jvm");
        Path launcher = jdk(jvms.resolve("java-17-openjdk"), "17.0.15");
        jdk(jvms.resolve("temurin-25"), "25.0.3");
        Path newest = jdk(jvms.resolve("temurin-26"), "26.0.1");

        assertThat(JavaRuntime.withAotCache(Map.of(), launcher, List.of(jvms, dir.resolve("absent"))))
                .map(JavaRuntime::home).contains(newest);
    }

    @Test
    void theLaunchersOwnJdkIsUsedWhenItHasAotCache() throws Exception {
        Path jvms = dir.resolve("jvm");
        Path launcher = jdk(dir.resolve("own-25"), "25.0.1");
        jdk(jvms.resolve("temurin-26"), "26.0.1");

        assertThat(JavaRuntime.withAotCache(Map.of(), launcher, List.of(jvms))).map(JavaRuntime::home).contains(launcher);
    }

    @Test
    void havenJavaHomeDecidesEvenWhenItIsOlderThan25() throws Exception {
        Path jvms = dir.resolve("jvm");
        Path launcher = jdk(jvms.resolve("java-17-openjdk"), "17.0.15");
        jdk(jvms.resolve("temurin-25"), "25.0.3");
        Path chosen = jdk(dir.resolve("chosen-25"), "25.0.2");

        assertThat(JavaRuntime.withAotCache(Map.of("HAVEN_JAVA_HOME", chosen.toString()), launcher, List.of(jvms)))
                .map(JavaRuntime::home).contains(chosen);
        assertThat(JavaRuntime.withAotCache(Map.of("HAVEN_JAVA_HOME", launcher.toString()), launcher, List.of(jvms))).isEmpty();
    }

    @Test
    void noJdkWithAotCacheMeansNone() throws Exception {
        Path jvms = dir.resolve("jvm");
        Path launcher = jdk(jvms.resolve("java-17-openjdk"), "17.0.15");
        jdk(jvms.resolve("java-21-openjdk"), "21.0.5");

        assertThat(JavaRuntime.withAotCache(Map.of(), launcher, List.of(jvms))).isEmpty();
    }
}

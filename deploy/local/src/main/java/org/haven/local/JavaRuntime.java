package org.haven.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JDK installed on this machine, as its {@code release} file describes it. The launcher looks for one
 * of release 25 or newer because its AOT cache (JEP 483/514) lets a service start in a fraction of the
 * time; the services' bytecode stays release 17, so any JDK 17+ runs them.
 */
record JavaRuntime(Path home, String version) {

    static final int AOT_CACHE_SINCE = 25;

    /** The JDK at {@code home}, if it is one (has {@code bin/java} and a {@code release} file naming its version). */
    static Optional<JavaRuntime> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").trim())
                    .findFirst()
                    .map(version -> new JavaRuntime(home.toAbsolutePath().normalize(), version));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * The JDK to run services on with an AOT cache: {@code HAVEN_JAVA_HOME} when set (only if it is 25+),
     * else the launcher's own JDK if it is 25+, else the newest 25+ among the JDKs installed in the usual
     * places ({@code searchRoots}, e.g. /usr/lib/jvm). Empty when there is none: services then run on the
     * launcher's JDK as before.
     */
    static Optional<JavaRuntime> withAotCache(Map<String, String> env, Path launcherHome, List<Path> searchRoots) {
        return atLeast(AOT_CACHE_SINCE, env, launcherHome, searchRoots);
    }

    /**
     * A JDK of feature release {@code feature} or newer, looked for as {@link #withAotCache} looks (HAVEN_JAVA_HOME,
     * the launcher's own JDK, the newest in {@code searchRoots}); e.g. for Keycloak, which needs 21+.
     */
    static Optional<JavaRuntime> atLeast(int feature, Map<String, String> env, Path launcherHome, List<Path> searchRoots) {
        String configured = env.get("HAVEN_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured.trim())).filter(jdk -> jdk.feature() >= feature);
        }
        Optional<JavaRuntime> own = at(launcherHome).filter(jdk -> jdk.feature() >= feature);
        if (own.isPresent()) {
            return own;
        }
        return searchRoots.stream()
                .filter(Files::isDirectory)
                .flatMap(JavaRuntime::children)
                .map(JavaRuntime::at)
                .flatMap(Optional::stream)
                .filter(jdk -> jdk.feature() >= feature)
                .max(Comparator.comparingInt(JavaRuntime::feature).thenComparing(JavaRuntime::home));
    }

    /** Where JDKs are usually installed on Linux and macOS (and by SDKMAN). */
    static List<Path> usualInstallPlaces() {
        Path user = Path.of(System.getProperty("user.home"));
        return List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), user.resolve(".sdkman/candidates/java"),
                Path.of("/Library/Java/JavaVirtualMachines"));
    }

    /** The feature release, e.g. 25 for "25.0.3" (and 8 for "1.8.0_402"). */
    int feature() {
        String[] parts = version.split("[.+_-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The version as {@link Runtime.Version}; empty for a form it does not parse (e.g. "1.8.0_402"). */
    Optional<Runtime.Version> runtimeVersion() {
        try {
            return Optional.of(Runtime.Version.parse(version));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean hasAotCache() {
        return feature() >= AOT_CACHE_SINCE;
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    private static Stream<Path> children(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            // macOS keeps the JDK's home in Contents/Home
            return entries.flatMap(entry -> Stream.of(entry, entry.resolve("Contents/Home"))).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}

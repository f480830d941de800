package org.haven.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The AOT cache of one service's packaged application for one JDK: classes already parsed, verified and
 * linked, so the service starts in a fraction of the CPU. A training run (any run started with
 * {@link #recordingOptions}) writes it when the service exits; it counts only for the exact packaged
 * files and JDK it was made from, so a rebuild or another JDK makes it stale and it is made again. A
 * stale or broken cache is never used (and the JVM itself ignores one that does not match).
 */
final class AotCache {

    private final Path app;
    private final JavaRuntime jdk;
    private final Path cache;
    private final Path key;
    private final Path recording;

    /**
     * @param app the packaged application ({@code target/quarkus-app})
     * @param dir where the cache lives (next to the application, under {@code target/}, so a clean removes it)
     */
    AotCache(Path app, Path dir, JavaRuntime jdk) {
        this.app = app;
        this.jdk = jdk;
        this.cache = dir.resolve("app.aot");
        this.key = dir.resolve("app.aot.key");
        this.recording = dir.resolve("recording.aot");
    }

    static AotCache of(ServiceSpec spec, Path projectRoot, JavaRuntime jdk) {
        Path target = projectRoot.resolve(spec.module()).resolve("target");
        return new AotCache(target.resolve("quarkus-app"), target.resolve("haven-aot"), jdk);
    }

    /** Whether there is a cache made from exactly the application and JDK there are now. */
    boolean isFresh() {
        try {
            return Files.size(cache) > 0 && Files.readString(key, StandardCharsets.UTF_8).equals(currentKey());
        } catch (IOException e) {
            return false;
        }
    }

    List<String> useOptions() {
        return List.of("-XX:AOTCache=" + cache);
    }

    /** Options that make this run a training run: the JVM writes the cache when it exits normally. */
    List<String> recordingOptions() throws IOException {
        Files.createDirectories(recording.getParent());
        Files.deleteIfExists(recording);
        return List.of("-XX:AOTCacheOutput=" + recording);
    }

    /**
     * After a training run has exited normally: makes what it wrote the cache, valid for the application
     * and JDK it ran. Returns whether there was a recording to adopt.
     */
    boolean adoptRecording() throws IOException {
        if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
            return false;
        }
        Files.move(recording, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(key, currentKey(), StandardCharsets.UTF_8);
        return true;
    }

    /** Discards a recording that did not finish (the training run was killed): it may be incomplete. */
    void discardRecording() {
        try {
            Files.deleteIfExists(recording);
            Files.deleteIfExists(Path.of(recording + ".config"));
        } catch (IOException e) {
            // nothing to discard
        }
    }

    /** The JDK's version and home, and the path, size and modification time of every packaged file. */
    String currentKey() throws IOException {
        MessageDigest digest = sha256();
        digest.update((jdk.version() + "\n" + jdk.home() + "\n").getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                digest.update((app.relativize(file) + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    Path file() {
        return cache;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

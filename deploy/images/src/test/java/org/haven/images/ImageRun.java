package org.haven.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs an image's application layers the way a container runtime would run the Deployment's container, on a
 * machine with neither Docker nor a registry: the layers unpacked into a root directory that the process cannot
 * write (read-only files, and the manifest's non-root user when the tests run as root), an empty writable
 * directory where the manifest mounts an emptyDir, the image's entrypoint and working directory, and an
 * environment made of nothing but the image's and the manifest's variables.
 *
 * <p>What stands in for the container: the host's JRE for the base image's (the offline image is built on
 * {@code scratch}), {@code -XX:MaxRAM} for the memory limit the JVM would read from its cgroup,
 * {@code -Djava.io.tmpdir} for the {@code /tmp} mount, and a free host port for the pod's own network namespace.
 */
final class ImageRun implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ContainerSpec spec;
    private final Path root;
    private final Process process;
    private final Path log;
    private final int port;
    private final Map<String, String> filesBefore;

    private ImageRun(ContainerSpec spec, Path root, Process process, Path log, int port, Map<String, String> filesBefore) {
        this.spec = spec;
        this.root = root;
        this.process = process;
        this.log = log;
        this.port = port;
        this.filesBefore = filesBefore;
    }

    /**
     * Unpacks {@code image} under {@code workDir} and starts it with the container's environment; {@code addresses}
     * replaces only the variables that name the cluster's Kafka, PostgreSQL and identity provider.
     */
    static ImageRun start(ImageTar image, ContainerSpec spec, Map<String, String> addresses, Path workDir, int port) {
        try {
            Path root = Files.createDirectories(workDir.resolve(spec.service()).resolve("rootfs"));
            image.extractTo(root);
            for (String mount : spec.writableMounts()) {
                Path dir = Files.createDirectories(inside(root, mount));
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            if (spec.readOnlyRootFilesystem()) {
                makeReadOnly(root, spec);
            }
            Map<String, String> before = snapshot(root, spec);
            ImageConfig config = image.config();
            Map<String, String> env = new LinkedHashMap<>(config.env());
            env.putAll(spec.env());
            addresses.forEach((name, value) -> {
                if (!env.containsKey(name)) {
                    throw new AssertionError(spec.service() + ": the manifest sets no " + name + " to point elsewhere");
                }
                env.put(name, value);
            });
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));

            Path log = workDir.resolve(spec.service() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command(config, spec, root))
                    .directory(inside(root, config.workingDir()).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            return new ImageRun(spec, root, builder.start(), log, port, before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the readiness endpoint the manifest's readinessProbe uses; returns its last body once UP. */
    String readiness() {
        if (!process.isAlive()) {
            // not an AssertionError: a polling await must stop at once, not wait out its timeout
            throw new IllegalStateException(spec.service() + " exited with " + process.exitValue() + ":\n" + logTail());
        }
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "not listening: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Files under the image root (outside the writable mounts) that were added, changed or removed since start. */
    List<String> rootChanges() {
        Map<String, String> after = snapshot(root, spec);
        List<String> changes = new ArrayList<>();
        filesBefore.forEach((path, stamp) -> {
            if (!stamp.equals(after.get(path))) {
                changes.add("changed or removed: " + path);
            }
        });
        after.keySet().stream().filter(path -> !filesBefore.containsKey(path)).forEach(path -> changes.add("added: " + path));
        return changes;
    }

    /** The real user id the service process runs as, read from /proc (Linux). */
    long processUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no Uid line for process " + process.pid());
    }

    /** True when the tests run as root, so the service is started as the manifest's runAsUser. */
    static boolean switchesToManifestUser() {
        return runningAsRoot();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    ContainerSpec spec() {
        return spec;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(root.getParent());
    }

    private static List<String> command(ImageConfig config, ContainerSpec spec, Path root) {
        List<String> image = config.command();
        if (image.isEmpty() || !image.get(0).equals("java")) {
            throw new AssertionError(spec.service() + ": the image's command does not start with java: " + image);
        }
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            // The manifest's runAsUser, so that the root-owned image files really are read-only to the service.
            command.addAll(List.of("setpriv", "--reuid=" + spec.runAsUser(), "--regid=" + spec.runAsUser(),
                    "--clear-groups", "--no-new-privs"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxRAM=" + spec.memoryLimitBytes());
        if (spec.writableMounts().contains("/tmp")) {
            command.add("-Djava.io.tmpdir=" + inside(root, "/tmp"));
        }
        for (String argument : image.subList(1, image.size())) {
            command.add(argument.startsWith("/") ? inside(root, argument).toString() : argument);
        }
        return command;
    }

    private static boolean runningAsRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Path inside(Path root, String containerPath) {
        Path path = root.resolve(containerPath.replaceFirst("^/+", "")).normalize();
        if (!path.startsWith(root)) {
            throw new AssertionError(containerPath + " is outside the image root");
        }
        return path;
    }

    private static void makeReadOnly(Path root, ContainerSpec spec) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            // never through a symbolic link: a base image's absolute links point at the host's files here
            for (Path path : paths.filter(path -> !underMount(root, path, spec) && !Files.isSymbolicLink(path)).toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    private static boolean underMount(Path root, Path path, ContainerSpec spec) {
        return spec.writableMounts().stream().anyMatch(mount -> path.startsWith(inside(root, mount)));
    }

    private static Map<String, String> snapshot(Path root, ContainerSpec spec) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> !underMount(root, path, spec)).forEach(path -> {
                try {
                    files.put(root.relativize(path).toString(), Files.isSymbolicLink(path)
                            ? "-> " + Files.readSymbolicLink(path)
                            : Files.size(path) + "@" + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                }
            }
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover under target/ does no harm; the next clean removes it
        }
    }
}

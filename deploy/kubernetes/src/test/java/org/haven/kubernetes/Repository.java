package org.haven.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are: this module (deploy/kubernetes), the rest of deploy/, and the services' sources. */
final class Repository {

    static final List<String> SERVICES = List.of("incident-service", "debrief-service", "notification-service", "wellness-service");

    private Repository() {
    }

    static Path module() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        if (!Files.isDirectory(base.resolve("overlays"))) {
            throw new AssertionError("run from deploy/kubernetes (no overlays/ under " + base + ")");
        }
        return base;
    }

    static Path root() {
        return module().resolve("../..").normalize();
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    static Path overlays() {
        return module().resolve("overlays");
    }

    /** Every overlay directory, so that a new one is checked as soon as it exists. */
    static List<String> overlayNames() {
        try (Stream<Path> entries = Files.list(overlays())) {
            return entries.filter(Files::isDirectory)
                    .filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

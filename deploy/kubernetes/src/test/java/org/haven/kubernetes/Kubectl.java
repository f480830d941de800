package org.haven.kubernetes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a Kustomize directory exactly as an admin does ({@code kubectl kustomize}). There is no fallback
 * and no skip: without kubectl these checks fail, because a manifest nobody rendered is a manifest nobody tested.
 */
final class Kubectl {

    private static final Path USUAL_LOCATION = Path.of("/usr/bin/kubectl");

    private Kubectl() {
    }

    static String kustomize(Path directory) {
        Path kubectl = locate().orElseThrow(() -> new AssertionError(
                "kubectl not found (looked for $KUBECTL, on PATH and at " + USUAL_LOCATION + "). "
                        + "Install kubectl 1.27 or newer: these tests render every overlay with 'kubectl kustomize' "
                        + "and never skip."));
        try {
            Path output = Files.createTempFile("kustomize-", ".yaml");
            Path errors = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(List.of(kubectl.toString(), "kustomize", directory.toString()))
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile())
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + directory + " did not finish within 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + directory + " failed (exit " + process.exitValue()
                            + "):\n" + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return Files.readString(output, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + kubectl + " kustomize " + directory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + directory, e);
        }
    }

    private static Optional<Path> locate() {
        Stream<Path> fromEnvironment = Optional.ofNullable(System.getenv("KUBECTL")).map(Path::of).stream();
        Stream<Path> onPath = Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, "kubectl"));
        return Stream.of(fromEnvironment, onPath, Stream.of(USUAL_LOCATION))
                .flatMap(paths -> paths)
                .filter(Files::isRegularFile)
                .filter(Files::isExecutable)
                .findFirst();
    }
}

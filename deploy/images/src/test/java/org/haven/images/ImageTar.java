package org.haven.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A service image as Jib writes it ({@code docker load} format): {@code manifest.json} naming the config and the
 * layers in order, {@code config.json}, and each layer as a gzipped tar. Read with nothing but the file.
 */
final class ImageTar {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final JsonNode manifest;
    private final JsonNode config;
    private Map<String, Set<String>> pathsByLayer;

    private ImageTar(Path file, JsonNode manifest, JsonNode config) {
        this.file = file;
        this.manifest = manifest;
        this.config = config;
    }

    static ImageTar open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: the service's verify phase builds it (Jib, root pom profile 'images')");
        }
        JsonNode manifest = readJson(file, "manifest.json");
        if (manifest.size() != 1) {
            throw new AssertionError(file + ": expected one image in manifest.json, found " + manifest.size());
        }
        JsonNode config = readJson(file, manifest.get(0).get("Config").asText());
        return new ImageTar(file, manifest.get(0), config);
    }

    List<String> repoTags() {
        List<String> tags = new ArrayList<>();
        manifest.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    List<String> layers() {
        List<String> layers = new ArrayList<>();
        manifest.path("Layers").forEach(layer -> layers.add(layer.asText()));
        return layers;
    }

    ImageConfig config() {
        JsonNode container = config.path("config");
        Set<String> ports = new TreeSet<>();
        container.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        Map<String, String> env = new LinkedHashMap<>();
        container.path("Env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            env.put(pair[0], pair.length > 1 ? pair[1] : "");
        });
        return new ImageConfig(strings(container.path("Entrypoint")), strings(container.path("Cmd")),
                container.path("User").asText(""), container.path("WorkingDir").asText(""), ports, env);
    }

    /** Every path the layers put in the image's filesystem, as absolute container paths. */
    Set<String> paths() {
        Set<String> all = new TreeSet<>();
        pathsByLayer().values().forEach(all::addAll);
        return all;
    }

    /** The paths each layer holds, in layer order. */
    synchronized Map<String, Set<String>> pathsByLayer() {
        if (pathsByLayer == null) {
            Map<String, Set<String>> byLayer = new LinkedHashMap<>();
            try (TarFile image = new TarFile(file)) {
                for (String layer : layers()) {
                    Set<String> paths = new TreeSet<>();
                    try (TarArchiveInputStream entries = layer(image, layer)) {
                        for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                            paths.add("/" + stripSlash(entry.getName()));
                        }
                    }
                    byLayer.put(layer, paths);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pathsByLayer = byLayer;
        }
        return pathsByLayer;
    }

    /** Unpacks the layers, in order, under {@code root} as a container runtime would. */
    void extractTo(Path root) {
        Path normalRoot = root.toAbsolutePath().normalize();
        try (TarFile image = new TarFile(file)) {
            for (String layer : layers()) {
                try (TarArchiveInputStream entries = layer(image, layer)) {
                    for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                        Path target = normalRoot.resolve(stripSlash(entry.getName())).normalize();
                        if (!target.startsWith(normalRoot)) {
                            throw new AssertionError(file + ": layer entry " + entry.getName() + " escapes the image root");
                        }
                        String fileName = target.getFileName() == null ? "" : target.getFileName().toString();
                        if (fileName.startsWith(".wh.")) {
                            // a whiteout: a file an upper layer removes (a base image's layers can hold them)
                            deleteTree(target.resolveSibling(fileName.substring(".wh.".length())));
                        } else if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else if (entry.isSymbolicLink()) {
                            Files.createDirectories(target.getParent());
                            Files.deleteIfExists(target);
                            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                        } else if (entry.isLink()) {
                            Files.createDirectories(target.getParent());
                            Files.deleteIfExists(target);
                            Files.createLink(target, normalRoot.resolve(stripSlash(entry.getLinkName())).normalize());
                        } else if (entry.isFile()) {
                            Files.createDirectories(target.getParent());
                            if (!target.getParent().toRealPath().startsWith(normalRoot.toRealPath())) {
                                throw new AssertionError(file + ": " + entry.getName() + " would be written through a link out of the image root");
                            }
                            Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        // device files and FIFOs are left out: a process started without a container needs none
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static TarArchiveInputStream layer(TarFile image, String name) throws IOException {
        TarArchiveEntry entry = image.getEntries().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("layer " + name + " is not in the image tar"));
        InputStream raw = image.getInputStream(entry);
        return new TarArchiveInputStream(name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    private static JsonNode readJson(Path file, String name) {
        try (TarFile image = new TarFile(file)) {
            TarArchiveEntry entry = image.getEntries().stream().filter(e -> e.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(file + " has no " + name));
            try (InputStream in = image.getInputStream(entry)) {
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String stripSlash(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        path = path.startsWith("/") ? path.substring(1) : path;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

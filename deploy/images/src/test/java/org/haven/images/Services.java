package org.haven.images;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The four services whose images the build writes, and where the build puts them. */
final class Services {

    static final List<String> ALL = List.of("incident-service", "debrief-service", "notification-service", "wellness-service");

    private Services() {
    }

    static Path root() {
        return Path.of(System.getProperty("haven.root", "../..")).toAbsolutePath().normalize();
    }

    private static final Map<String, ImageTar> IMAGES = new ConcurrentHashMap<>();

    static ImageTar image(String service) {
        return IMAGES.computeIfAbsent(service, name -> ImageTar.open(root().resolve(name).resolve("target/jib-image.tar")));
    }

    static String version() {
        String version = System.getProperty("haven.version");
        if (version == null || version.isBlank()) {
            throw new AssertionError("haven.version is not set (the module's pom passes the project version)");
        }
        return version;
    }
}

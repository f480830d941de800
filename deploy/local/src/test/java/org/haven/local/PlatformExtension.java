package org.haven.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the whole platform once for all end-to-end tests of this JVM, on free ports and a throw-away
 * data directory, exactly as {@code ./haven-local} starts it; stops it when the JVM's tests are done.
 */
public final class PlatformExtension implements BeforeAllCallback {

    private static HavenPlatform platform;

    public static synchronized HavenPlatform platform() {
        return platform;
    }

    /** "Now" as the services see it: the real time, or the instant HAVEN_CLOCK_AT / HAVEN_CLOCK_OFFSET set. */
    public static Instant now() {
        return platform().clock().now();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PlatformExtension.class) {
            if (platform != null) {
                return;
            }
            Path root = Path.of(System.getProperty("haven.root", "../..")).toAbsolutePath().normalize();
            Path data = Files.createTempDirectory("haven-e2e");
            PlatformLayout layout = new PlatformLayout(root, data, freePort(), freePort(), freePort(), 0,
                    freePort(), freePort(), freePort(), freePort(), freePort());
            HavenPlatform started = new HavenPlatform(layout);
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put("haven-platform", (ExtensionContext.Store.CloseableResource) () -> {
                        started.close();
                        deleteTree(data);
                    });
            started.start();
            platform = started;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

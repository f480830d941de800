package org.haven.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** JDK installations as the launcher sees them: a {@code release} file and an executable {@code bin/java}. */
final class FakeJdks {

    private FakeJdks() {
    }

    static Path jdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    static JavaRuntime runtime(Path home, String version) throws IOException {
        return JavaRuntime.at(jdk(home, version)).orElseThrow();
    }
}

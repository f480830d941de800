package org.haven.local;

import java.nio.file.Path;

/**
 * Where the platform runs from and keeps its data, and on which ports. The local run uses the fixed
 * ports a newcomer is told about; the end-to-end tests use free ones and a throw-away data directory.
 */
public record PlatformLayout(Path projectRoot, Path dataDir, int postgresPort, int kafkaPort, int smtpPort, int mailboxPort,
                             int identityPort, int incidentPort, int debriefPort, int notificationPort, int wellnessPort) {

    public static PlatformLayout standard(Path projectRoot, Path dataDir) {
        return new PlatformLayout(projectRoot, dataDir, 15432, 19092, 2525, 8025, 8180, 8081, 8082, 8083, 8084);
    }

    public Path logs() {
        return dataDir.resolve("logs");
    }

    public Path mail() {
        return dataDir.resolve("mail");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }
}

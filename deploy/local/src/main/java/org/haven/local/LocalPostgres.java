package org.haven.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL from the binaries on Maven Central, with its data directory kept between runs.
 * Works as root: the binaries run inside a user namespace.
 */
final class LocalPostgres implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static LocalPostgres start(Path dataDir, int port, List<String> databases) throws IOException, SQLException {
        Path data = dataDir.resolve("postgres");
        Path sockets = dataDir.resolve("postgres-sockets");
        Files.createDirectories(sockets);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("unix_socket_directories", sockets.toAbsolutePath().toString())
                .setServerConfig("max_connections", "200")
                .start();
        LocalPostgres postgres = new LocalPostgres(server);
        postgres.createMissing(databases);
        return postgres;
    }

    private void createMissing(List<String> databases) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            for (String database : databases) {
                try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

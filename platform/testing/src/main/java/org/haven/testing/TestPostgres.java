package org.haven.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One PostgreSQL per test JVM: the server named by {@code TEST_PG_JDBC_URL} (with {@code TEST_PG_USER},
 * {@code TEST_PG_PASSWORD}) if set, else real PostgreSQL binaries from Maven Central started in a temp
 * directory. The embedded server runs fine as root (the binaries are started in a user namespace).
 */
public final class TestPostgres {

    private static TestPostgres shared;

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TestPostgres(EmbeddedPostgres embedded, String jdbcUrl, String username, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestPostgres shared() {
        if (shared == null) {
            String external = System.getenv("TEST_PG_JDBC_URL");
            if (external != null && !external.isBlank()) {
                shared = new TestPostgres(null, external, envOr("TEST_PG_USER", "postgres"), envOr("TEST_PG_PASSWORD", ""));
            } else {
                EmbeddedPostgres embedded = startEmbedded();
                shared = new TestPostgres(embedded, embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-postgres-stop"));
            }
        }
        return shared;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            Path sockets = Files.createTempDirectory("haven-pg-sock");
            return EmbeddedPostgres.builder()
                    .setServerConfig("unix_socket_directories", sockets.toString())
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private synchronized void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing left to tell
            }
        }
    }
}

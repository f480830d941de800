package org.haven.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.notification.domain.AlertChanged;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Carries alert changes to the live page of every replica, not only the one that made them. A change
 * is announced with PostgreSQL's {@code NOTIFY} inside the transaction that made it, so it is announced
 * if and only if it committed; every replica keeps one connection that {@code LISTEN}s and passes what
 * it hears to its {@link AlertFeed}. A notification missed while that connection is re-established is
 * caught up by the page's periodic refresh.
 */
@ApplicationScoped
public class AlertChangeRelay {

    static final String CHANNEL = "haven_alert_changed";
    private static final Logger LOG = Logger.getLogger(AlertChangeRelay.class);
    private static final int WAIT_MILLIS = 1000;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final AlertFeed feed;
    private final ObjectMapper json;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;

    private volatile boolean running;
    private volatile Thread listener;

    AlertChangeRelay(EntityManager entityManager, TransactionSynchronizationRegistry transactions, AlertFeed feed, ObjectMapper json,
                     @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                     @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                     @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.feed = feed;
        this.json = json;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Announces a change in the transaction making it (outside one, to this replica only, at once). */
    void announce(@Observes AlertChanged change) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            feed.publish(change);
            return;
        }
        // It reads no table, so nothing needs flushing before it: NOTIFY is delivered at commit, after the changes.
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(?1, ?2)) AS announced")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, CHANNEL)
                .setParameter(2, write(change))
                .getSingleResult();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        Thread thread = new Thread(this::listen, "alert-change-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user.orElse(null), password.orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            read(notification.getParameter()).ifPresent(feed::publish);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Listening for alert changes failed, reconnecting in %d s: %s", RECONNECT_AFTER.toSeconds(), e.getMessage());
                    pause();
                }
            }
        }
    }

    private String write(AlertChanged change) {
        try {
            return json.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an alert change", e);
        }
    }

    private Optional<AlertChanged> read(String payload) {
        try {
            return Optional.of(json.readValue(payload, AlertChanged.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignored an unreadable alert change notification: %s", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

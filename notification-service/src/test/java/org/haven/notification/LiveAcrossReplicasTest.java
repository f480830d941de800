package org.haven.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.AlertChanged;
import org.haven.notification.domain.Directory;
import org.haven.notification.messaging.AlertFeed;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live alerts feed hears changes committed by any replica sharing the database. Another replica is
 * stood in for by a second database session announcing a change the way every replica does (NOTIFY in
 * the transaction making the change); two full application instances are not started here.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class LiveAcrossReplicasTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AlertFeed feed;
    @Inject
    Directory directory;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private final List<AlertChanged> heard = new CopyOnWriteArrayList<>();
    private Cancellable subscription;

    @BeforeEach
    void listen() {
        subscription = feed.changes().subscribe().with(heard::add);
    }

    @AfterEach
    void stopListening() {
        subscription.cancel();
    }

    @Test
    void changeCommittedByAnotherReplicaReachesThisReplicasLivePage() throws SQLException {
        AlertChanged rolledBack = new AlertChanged(UUID.randomUUID(), "site-north", "sup-north");
        AlertChanged committed = new AlertChanged(UUID.randomUUID(), "site-north", "sup-north");

        try (Connection otherReplica = DriverManager.getConnection(url, user, password)) {
            otherReplica.setAutoCommit(false);
            announce(otherReplica, rolledBack);
            otherReplica.rollback();
            announce(otherReplica, committed);
            otherReplica.commit();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(heard).contains(committed));
        assertThat(heard).as("a change that rolled back is never shown").doesNotContain(rolledBack);
    }

    @Test
    void alertRaisedHereReachesTheLivePageThroughTheDatabase() {
        TestSite site = TestSite.withSupervisors(directory, 1);
        IncidentReported incident = IncidentFeed.elopement(site.id());

        IncidentFeed.publish(IncidentFeed.announce(incident));

        await().atMost(WAIT).untilAsserted(() -> assertThat(heard)
                .anySatisfy(change -> assertThat(change.recipientId()).isEqualTo(site.supervisor().id())));
    }

    private static void announce(Connection connection, AlertChanged change) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('haven_alert_changed', ?)")) {
            notify.setString(1, "{\"alertId\":\"%s\",\"siteId\":\"%s\",\"recipientId\":\"%s\"}"
                    .formatted(change.alertId(), change.siteId(), change.recipientId()));
            notify.execute();
        }
    }
}

package org.haven.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.events.DebriefOverdue;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.NotificationRetention;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Notices and the destinations of alert pages are kept 30 days (the test profile's periods are the defaults). */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
@QuarkusTestResource(GreenMailSmtp.class)
@QuarkusTestResource(SmsProvider.class)
class NotificationRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough ago that the purge's cutoffs stay before any other test's records. */
    private static final Instant LONG_AGO = TestTime.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    Directory directory;
    @Inject
    AdjustableClock clock;
    @Inject
    NotificationRetention retention;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static UUID overdueNoticeTo(Team team) {
        UUID debriefId = UUID.randomUUID();
        EventFeed.publish(EventFeed.event(HavenEvents.DEBRIEF_OVERDUE, debriefId.toString(),
                new DebriefOverdue(debriefId, UUID.randomUUID(), team.siteId(), "ELOPEMENT", LONG_AGO)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(OtherNoticesTest.noticesOf(team.director(), "director", team.siteId()))
                .anySatisfy(notice -> assertThat(notice.get("about")).isEqualTo(debriefId.toString())));
        return debriefId;
    }

    private static List<String> noticesAbout(Team team) {
        return OtherNoticesTest.noticesOf(team.director(), "director", team.siteId()).stream()
                .map(notice -> (String) notice.get("about")).toList();
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    @Test
    void noticesOlderThanThirtyDaysGoAndAlertsKeepTheirHistoryWithoutTheAddressesTheyWentTo() {
        clock.pin(LONG_AGO);
        Team team = Team.create(directory);
        IncidentReported incident = IncidentFeed.elopementAt(team.siteId(), LONG_AGO.minus(10, ChronoUnit.MINUTES));
        IncidentFeed.publish(IncidentFeed.announce(incident));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.to(team.supervisor().email())).isNotEmpty());
        UUID old = overdueNoticeTo(team);
        clock.pin(LONG_AGO.plus(20, ChronoUnit.DAYS));
        UUID younger = overdueNoticeTo(team);
        // Twenty days on, the chain has escalated to the director too: take the supervisor's alert, not whichever comes first.
        Object alertId = AlertsApi.ofIncident(incident).stream().filter(a -> team.supervisor().id().equals(a.get("recipientId")))
                .findFirst().orElseThrow().get("id");
        await().atMost(WAIT).untilAsserted(() -> assertThat(AlertsApi.detail(team.siteId(), alertId).getList("deliveries.status"))
                .isNotEmpty().containsOnly("SENT"));

        clock.pin(LONG_AGO.plus(29, ChronoUnit.DAYS));
        retention.purge();
        assertThat(noticesAbout(team)).contains(old.toString(), younger.toString());
        assertThat(AlertsApi.detail(team.siteId(), alertId).getList("deliveries.destination")).contains(team.supervisor().email());

        clock.pin(LONG_AGO.plus(31, ChronoUnit.DAYS));
        NotificationRetention.Purged purged = retention.purge();

        assertThat(noticesAbout(team)).contains(younger.toString()).doesNotContain(old.toString());
        assertThat(count("SELECT count(*) FROM notice WHERE about = ?1", old.toString())).isZero();
        assertThat(purged.noticeDeliveries()).isPositive();
        JsonPath alert = AlertsApi.detail(team.siteId(), alertId);
        assertThat(alert.getList("deliveries.status")).as("the alert's history stays").isNotEmpty().containsOnly("SENT");
        assertThat(alert.getList("deliveries.destination")).containsOnlyNulls();
        assertThat(count("SELECT count(*) FROM alert_delivery WHERE alert_id = CAST(?1 AS uuid) AND destination IS NOT NULL", alertId))
                .isZero();
        assertThat(count("SELECT count(*) FROM notification_audit WHERE action = 'PURGED' AND actor_id = ?1 AND detail LIKE '%notices=%'",
                NotificationRetention.ACTOR)).isPositive();
    }

    @Test
    void purgingAgainChangesNothingAndWritesNoFurtherEntry() {
        clock.pin(LONG_AGO.plus(40, ChronoUnit.DAYS));
        Team team = Team.create(directory);
        UUID old = overdueNoticeTo(team);
        clock.pin(LONG_AGO.plus(80, ChronoUnit.DAYS));
        retention.purge();
        assertThat(noticesAbout(team)).doesNotContain(old.toString());
        long entries = count("SELECT count(*) FROM notification_audit WHERE actor_id = ?1", NotificationRetention.ACTOR);

        NotificationRetention.Purged again = retention.purge();

        assertThat(List.of(again.notices(), again.noticeDeliveries(), again.destinationsRemoved(), again.auditEntries())).containsOnly(0);
        assertThat(count("SELECT count(*) FROM notification_audit WHERE actor_id = ?1", NotificationRetention.ACTOR)).isEqualTo(entries);
    }
}

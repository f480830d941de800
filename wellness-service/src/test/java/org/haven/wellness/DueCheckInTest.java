package org.haven.wellness;

import org.haven.testing.AdjustableClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.events.CheckInDue;
import org.haven.events.EventCodec;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.testing.HavenInfrastructure;
import org.haven.wellness.domain.DueCheckIns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.minutesAgo;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

/**
 * Due self check-ins are announced by the scheduled job (every second in tests) as the injected clock
 * moves; the tests also call the job directly, in parallel with the schedule, as a second replica would.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class DueCheckInTest {

    @Inject
    AdjustableClock clock;
    @Inject
    DueCheckIns dueCheckIns;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void anElopementWithThreeStaffAnnouncesEachSelfCheckInOnceWhenItComesDue() {
        String site = unique("site");
        List<String> staff = List.of(unique("ana"), unique("ben"), unique("cy"));
        IncidentReported elopement = critical(site, minutesAgo(30), staff.get(0), staff.subList(1, 3), List.of());
        send(elopement);
        awaitFollowUps(elopement, 9);
        Instant reported = elopement.reportedAt();

        clock.pin(reported.plus(Duration.ofHours(71)));
        dueCheckIns.announceDue();
        assertThat(dueAnnouncements(site)).as("nothing is due before 72 hours").isEmpty();

        clock.pin(reported.plus(Duration.ofHours(73)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dueAnnouncements(site)).hasSize(3));
        assertThat(dueAnnouncements(site)).extracting(CheckInDue::staffId, CheckInDue::kind, CheckInDue::dueAt)
                .containsExactlyInAnyOrder(staff.stream().map(s -> tuple(s, "SELF_CHECK_IN_72H", reported.plus(Duration.ofHours(72)))).toArray(org.assertj.core.groups.Tuple[]::new));

        clock.pin(reported.plus(Duration.ofDays(31)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dueAnnouncements(site)).hasSize(6));
        dueCheckIns.announceDue();
        assertThat(dueAnnouncements(site)).extracting(CheckInDue::followUpId).doesNotHaveDuplicates().hasSize(6)
                .as("a supervisor check-in is a conversation, not announced to the staff member")
                .allSatisfy(id -> assertThat(kindOf(id)).isNotEqualTo("SUPERVISOR_CHECK_IN"));
    }

    @Test
    void afterDowntimeEverythingThatCameDueIsAnnouncedOnceEvenByTwoReplicas() throws Exception {
        String site = unique("site");
        IncidentReported incident = critical(site, minutesAgo(30), unique("dee"), List.of(unique("eli")), List.of());
        send(incident);
        awaitFollowUps(incident, 6);

        // Down for 40 days: both self check-ins of both people came due meanwhile.
        clock.pin(incident.reportedAt().plus(Duration.ofDays(40)));
        CompletableFuture<Integer> replica1 = CompletableFuture.supplyAsync(dueCheckIns::announceDue);
        CompletableFuture<Integer> replica2 = CompletableFuture.supplyAsync(dueCheckIns::announceDue);
        replica1.get();
        replica2.get();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dueAnnouncements(site)).hasSize(4));
        dueCheckIns.announceDue();
        assertThat(dueAnnouncements(site)).extracting(CheckInDue::followUpId).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aCheckInGivenBeforeItsDueTimeIsNotAnnounced() {
        String site = unique("site");
        String fay = unique("fay");
        IncidentReported incident = critical(site, minutesAgo(30), fay, List.of(), List.of());
        send(incident);
        awaitFollowUps(incident, 3);
        String early = CheckIns.followUpOf(incident, fay, "SELF_CHECK_IN_72H");
        CheckIns.checkIn72h(incident, fay, 1, 1, false);

        clock.pin(incident.reportedAt().plus(Duration.ofDays(31)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dueAnnouncements(site)).hasSize(1));
        assertThat(dueAnnouncements(site)).extracting(d -> d.followUpId().toString()).doesNotContain(early);
    }

    /** Every CheckInDue written for the site, from the outbox: what is published, exactly once per row. */
    private List<CheckInDue> dueAnnouncements(String site) {
        @SuppressWarnings("unchecked")
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT payload FROM haven_outbox WHERE event_type = ?1 AND payload LIKE ?2")
                .setParameter(1, HavenEvents.CHECK_IN_DUE.name()).setParameter(2, "%" + site + "%").getResultList());
        return payloads.stream().map(p -> EventCodec.data(EventCodec.decode(p), HavenEvents.CHECK_IN_DUE)).toList();
    }

    private String kindOf(java.util.UUID followUpId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT kind FROM follow_up WHERE id = ?1").setParameter(1, followUpId).getSingleResult());
    }
}

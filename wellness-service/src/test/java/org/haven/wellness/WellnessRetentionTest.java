package org.haven.wellness;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.haven.wellness.domain.WellnessRetention;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

/** Wellness records expire a whole UTC month at a time once the retention period (P2Y in tests) is over. */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class WellnessRetentionTest {

    /** The 10th of a month long enough ago that the purge's cutoffs stay years before any other test's records. */
    private static final YearMonth LONG_AGO = YearMonth.from(TestTime.now().atZone(ZoneOffset.UTC)).minusYears(10);

    @Inject
    AdjustableClock clock;
    @Inject
    WellnessRetention retention;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static Instant tenthOf(YearMonth month) {
        return month.atDay(10).atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    /** At {@code at}, a critical incident exposes one person, who checks in and asks for a conversation. */
    private IncidentReported exposedAndCheckedIn(Instant at) {
        clock.pin(at);
        String staff = unique("staff");
        IncidentReported incident = critical(unique("site"), at.minus(Duration.ofHours(2)), staff, List.of(), List.of());
        send(incident);
        awaitFollowUps(incident, 3);
        CheckIns.checkIn72h(incident, staff, 2, 2, true);
        return incident;
    }

    private long rowsOf(IncidentReported incident) {
        String staff = incident.reporterId();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                        SELECT (SELECT count(*) FROM follow_up WHERE staff_id = ?1)
                             + (SELECT count(*) FROM check_in WHERE staff_id = ?1)
                             + (SELECT count(*) FROM exposure WHERE staff_id = ?1)
                             + (SELECT count(*) FROM conversation_request WHERE staff_id = ?1)""")
                .setParameter(1, staff).getSingleResult()).longValue());
    }

    private long purgeEntries() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM wellness_audit WHERE action = 'PURGED' AND actor_id = 'retention'").getSingleResult()).longValue());
    }

    @Test
    void recordsOlderThanThePeriodArePurgedAWholeMonthAtATimeAndYoungerOnesKept() {
        IncidentReported old = exposedAndCheckedIn(tenthOf(LONG_AGO));
        IncidentReported younger = exposedAndCheckedIn(tenthOf(LONG_AGO.plusMonths(1)));
        long oldRows = rowsOf(old);
        assertThat(oldRows).as("3 follow-ups, a check-in, an exposure, a conversation request").isEqualTo(6);

        // Two years and three weeks on: the period is over for the 10th, but not for the whole of that month.
        clock.pin(tenthOf(LONG_AGO.plusYears(2)).plus(Duration.ofDays(21)));
        retention.purge();
        assertThat(rowsOf(old)).as("a month goes all at once, never day by day").isEqualTo(oldRows);

        long entriesBefore = purgeEntries();
        clock.pin(tenthOf(LONG_AGO.plusYears(2).plusMonths(1)));
        WellnessRetention.Purged purged = retention.purge();

        assertThat(rowsOf(old)).isZero();
        assertThat(rowsOf(younger)).isEqualTo(6);
        assertThat(purged.checkIns()).isGreaterThanOrEqualTo(1);
        assertThat(purgeEntries()).isGreaterThan(entriesBefore);
        String detail = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT detail FROM wellness_audit WHERE action = 'PURGED' ORDER BY id DESC LIMIT 1").getSingleResult());
        assertThat(detail).contains("check-ins=", "follow-ups=", "exposures=",
                "cutoff=" + LONG_AGO.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    @Test
    void purgingAgainDeletesNothingAndWritesNoFurtherEntry() {
        IncidentReported old = exposedAndCheckedIn(tenthOf(LONG_AGO.plusMonths(3)));
        clock.pin(tenthOf(LONG_AGO.plusYears(2).plusMonths(5)));
        retention.purge();
        assertThat(rowsOf(old)).isZero();
        long entries = purgeEntries();

        WellnessRetention.Purged again = retention.purge();

        assertThat(List.of(again.checkIns(), again.conversationRequests(), again.followUps(), again.exposures(), again.auditEntries()))
                .containsOnly(0);
        assertThat(purgeEntries()).isEqualTo(entries);
    }
}

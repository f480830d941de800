package org.haven.debrief;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.debrief.domain.CriticalIncident;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefScheduling;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.debrief.RosterFixture.at;

/**
 * How long scheduling one debrief takes, end to end in the service (roster read from PostgreSQL, slot
 * finder, facilitator, debrief and outbox rows committed), for a site of 60 staff on a two-week roster of
 * rotating 8-hour shifts: once for teams of four, once for an incident that involves all 60, and once for a
 * long run of incidents of the same team (each joining a circle or, once it is full, opening the next).
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class SchedulingTimeTest {

    static final int STAFF = 60;
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Incidents of one team in a row, as the benchmark sends them. */
    static final int CLUSTER = 200;
    static final Instant ROSTER_START = at("2026-11-16T00:00");

    @Inject
    DebriefScheduling scheduling;
    @Inject
    AdjustableClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void everyIncidentOnASiteOfSixtyWithATwoWeekRosterGetsASlotBeforeItsDeadline() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String wholeSite = "whole-" + run;
        List<String> wholeStaff = roster(wholeSite);
        clock.pin(at("2026-11-16T21:41"));

        List<Took> teams = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String teamsSite = "teams-" + run + "-" + round;
            copyRoster(wholeSite, teamsSite);
            for (int team = 0; team < STAFF / 4; team++) {
                List<String> members = wholeStaff.subList(team * 4, team * 4 + 4);
                Took took = timed(new CriticalIncident(UUID.randomUUID(), teamsSite, "ELOPEMENT", at("2026-11-16T21:40"),
                        members.get(0), members.subList(1, 4), List.of()));
                if (round > 0) { // the first round warms the JIT and the connection pool
                    teams.add(took);
                }
            }
        }
        List<Took> whole = new ArrayList<>();
        for (int incident = 0; incident < 9; incident++) {
            String site = wholeSite + "-" + incident;
            copyRoster(wholeSite, site);
            whole.add(timed(new CriticalIncident(UUID.randomUUID(), site, "SELF_HARM", at("2026-11-16T21:40"),
                    wholeStaff.get(0), wholeStaff.subList(1, STAFF), List.of())));
        }

        System.out.printf("Scheduling, %d staff, two-week roster: team of 4 (ELOPEMENT, 24 h) %s over %d;"
                        + " all %d involved (SELF_HARM, 72 h) %s over %d%n",
                STAFF, summary(teams), teams.size(), STAFF, summary(whole), whole.size());
        // The figure is reported, not asserted: performance targets live in benchmarks, never in timed tests.
        assertThat(teams).hasSize(2 * (STAFF / 4));
        assertThat(whole).hasSize(9);
    }

    @Test
    void everyIncidentOfOneTeamReportedOneAfterAnotherGetsACircleBeforeItsDeadline() {
        String site = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> staff = roster(site);
        List<String> team = staff.subList(0, 4);
        clock.pin(at("2026-11-16T21:41"));

        List<Took> joins = new ArrayList<>();
        for (int incident = 0; incident < CLUSTER; incident++) {
            Took took = timed(new CriticalIncident(UUID.randomUUID(), site, "ELOPEMENT",
                    at("2026-11-16T21:40").plusSeconds(incident), team.get(0), team.subList(1, 4), List.of()));
            if (incident >= CLUSTER / 4) { // the first quarter warms the JIT and the connection pool
                joins.add(took);
            }
        }

        System.out.printf("Scheduling, %d incidents of one team of 4 at one site (ELOPEMENT, 24 h), one after another:"
                + " %s over the last %d%n", CLUSTER, summary(joins), joins.size());
        assertThat(joins).hasSize(CLUSTER - CLUSTER / 4);
    }

    /** Wall-clock time, and the CPU time of this thread (the service's share, without PostgreSQL's). */
    private Took timed(CriticalIncident incident) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        Debrief debrief = scheduling.schedule(incident);
        Took took = new Took(System.nanoTime() - started, THREADS.getCurrentThreadCpuTime() - cpu);
        assertThat(debrief.startsAt).as("a slot before the deadline").isNotNull().isBefore(debrief.deadline);
        return took;
    }

    record Took(long wallNanos, long cpuNanos) {
    }

    private static String summary(List<Took> took) {
        List<Long> wall = took.stream().map(Took::wallNanos).toList();
        List<Long> cpu = took.stream().map(Took::cpuNanos).toList();
        return String.format("median %.1f ms (CPU %.1f ms), max %.1f ms (CPU %.1f ms)", median(wall), median(cpu), max(wall), max(cpu));
    }

    /** Sixty staff, five 8-hour shifts a week in three rotations, a supervisor and three trained facilitators. */
    private static List<String> roster(String site) {
        List<String> staff = IntStream.range(0, STAFF).mapToObj(i -> site + "-staff-" + i).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("INSERT INTO site_supervisor (site_id, supervisor_id) VALUES (?1, ?2)")
                    .setParameter(1, site).setParameter(2, site + "-sup").executeUpdate();
            for (int person = 0; person <= STAFF; person++) {
                String id = person == STAFF ? site + "-sup" : staff.get(person);
                if (person % 20 == 19) {
                    em.createNativeQuery("INSERT INTO facilitator (site_id, staff_id) VALUES (?1, ?2)")
                            .setParameter(1, site).setParameter(2, id).executeUpdate();
                }
                for (int day = 0; day < 14; day++) {
                    if ((day + person) % 7 < 5) {
                        Instant start = ROSTER_START.plus(Duration.ofDays(day)).plus(Duration.ofHours(7 + 8L * (person % 3)));
                        em.createNativeQuery("INSERT INTO shift (id, staff_id, site_id, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                                .setParameter(1, UUID.randomUUID()).setParameter(2, id).setParameter(3, site)
                                .setParameter(4, start).setParameter(5, start.plus(Duration.ofHours(8))).executeUpdate();
                    }
                }
            }
        });
        return staff;
    }

    private static void copyRoster(String from, String to) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            em.createNativeQuery("INSERT INTO site_supervisor (site_id, supervisor_id) SELECT ?2, supervisor_id FROM site_supervisor WHERE site_id = ?1")
                    .setParameter(1, from).setParameter(2, to).executeUpdate();
            em.createNativeQuery("INSERT INTO facilitator (site_id, staff_id) SELECT ?2, staff_id FROM facilitator WHERE site_id = ?1")
                    .setParameter(1, from).setParameter(2, to).executeUpdate();
            em.createNativeQuery("""
                            INSERT INTO shift (id, staff_id, site_id, starts_at, ends_at)
                            SELECT gen_random_uuid(), staff_id, ?2, starts_at, ends_at FROM shift WHERE site_id = ?1""")
                    .setParameter(1, from).setParameter(2, to).executeUpdate();
        });
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static double max(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }
}

package org.haven.debrief;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.haven.debrief.domain.CriticalIncident;
import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefScheduling;
import org.haven.events.WorkPattern;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.haven.debrief.RosterFixture.at;

/**
 * How long scheduling one debrief takes, end to end in the service (the organisation projection read from PostgreSQL and each weekly pattern turned into shifts, slot
 * finder, facilitator, debrief and outbox rows committed), for a site of 60 staff on a weekly pattern of
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

    /**
     * Sixty staff, five 8-hour shifts a week in three rotations, a supervisor and three trained facilitators, written
     * straight into the organisation projection (as its consumer would from notification-service's records).
     */
    private static List<String> roster(String site) {
        List<String> staff = IntStream.range(0, STAFF).mapToObj(i -> site + "-staff-" + i).toList();
        ObjectMapper json = Arc.container().instance(ObjectMapper.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            projectedSite(site);
            for (int person = 0; person <= STAFF; person++) {
                String id = person == STAFF ? site + "-sup" : staff.get(person);
                em.createNativeQuery("INSERT INTO org_person (id, display_name, source_partition, source_offset) VALUES (?1, ?1, 0, 0)")
                        .setParameter(1, id).executeUpdate();
                if (person == STAFF) {
                    role(site, id, "SUPERVISOR");
                } else if (person % 20 == 19) {
                    role(site, id, "FACILITATOR");
                }
                List<WorkPattern.Weekly> week = new ArrayList<>();
                for (int day = 0; day < 7; day++) {
                    if ((day + person) % 7 < 5) {
                        LocalTime start = LocalTime.of(7 + 8 * (person % 3), 0);
                        // ROSTER_START is a Monday
                        week.add(new WorkPattern.Weekly(DayOfWeek.MONDAY.plus(day), start, start.plusHours(8)));
                    }
                }
                try {
                    em.createNativeQuery("INSERT INTO org_work_pattern (person_id, site_id, pattern) VALUES (?1, ?2, ?3)")
                            .setParameter(1, id).setParameter(2, site)
                            .setParameter(3, json.writeValueAsString(new WorkPattern(week, List.of()))).executeUpdate();
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        return staff;
    }

    private static void projectedSite(String site) {
        Panache.getEntityManager().createNativeQuery(
                        "INSERT INTO org_site (id, name, time_zone, source_partition, source_offset) VALUES (?1, ?1, 'UTC', 0, 0)")
                .setParameter(1, site).executeUpdate();
    }

    private static void role(String site, String personId, String role) {
        Panache.getEntityManager().createNativeQuery("INSERT INTO org_role (site_id, person_id, role) VALUES (?1, ?2, ?3)")
                .setParameter(1, site).setParameter(2, personId).setParameter(3, role).executeUpdate();
    }

    private static void copyRoster(String from, String to) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            projectedSite(to);
            em.createNativeQuery("INSERT INTO org_role (site_id, person_id, role) SELECT ?2, person_id, role FROM org_role WHERE site_id = ?1")
                    .setParameter(1, from).setParameter(2, to).executeUpdate();
            em.createNativeQuery("""
                            INSERT INTO org_work_pattern (person_id, site_id, pattern)
                            SELECT person_id, ?2, pattern FROM org_work_pattern WHERE site_id = ?1""")
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

package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The local run's roster for the demo people (only with {@code haven.directory.seed=demo}): site supervisors,
 * trained facilitators and two weeks of day shifts (UTC) from today. Every start tops the two weeks up;
 * rows that exist are left alone, so restarts and a second replica change nothing.
 */
@ApplicationScoped
public class DemoRoster {

    private static final Logger LOG = Logger.getLogger(DemoRoster.class);
    static final int DAYS = 14;

    record DemoShift(String staffId, String siteId, LocalTime start, LocalTime end) {
    }

    static final List<DemoShift> SHIFTS = List.of(
            new DemoShift("staff-ana", "site-north", LocalTime.of(7, 0), LocalTime.of(15, 0)),
            new DemoShift("staff-ben", "site-north", LocalTime.of(11, 0), LocalTime.of(19, 0)),
            new DemoShift("sup-north", "site-north", LocalTime.of(8, 0), LocalTime.of(16, 0)),
            new DemoShift("staff-cy", "site-south", LocalTime.of(7, 0), LocalTime.of(15, 0)),
            new DemoShift("sup-south", "site-south", LocalTime.of(8, 0), LocalTime.of(16, 0)),
            new DemoShift("dir-1", "site-north", LocalTime.of(9, 0), LocalTime.of(17, 0)));

    private final String seed;
    private final Clock clock;

    DemoRoster(@ConfigProperty(name = "haven.directory.seed") String seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if ("demo".equals(seed)) {
            seed(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            LOG.info("Demo roster loaded: site supervisors, facilitators and two weeks of shifts");
        }
    }

    @Transactional
    public void seed(LocalDate from) {
        supervisor("site-north", "sup-north");
        supervisor("site-south", "sup-south");
        facilitator("site-north", "dir-1");
        facilitator("site-north", "staff-cy");
        facilitator("site-south", "dir-1");
        facilitator("site-south", "staff-ana");
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = from.plusDays(day);
            for (DemoShift shift : SHIFTS) {
                Instant start = date.atTime(shift.start()).toInstant(ZoneOffset.UTC);
                Instant end = date.atTime(shift.end()).toInstant(ZoneOffset.UTC);
                UUID id = UUID.nameUUIDFromBytes((shift.staffId() + shift.siteId() + start).getBytes(StandardCharsets.UTF_8));
                Panache.getEntityManager().createNativeQuery("""
                                INSERT INTO shift (id, staff_id, site_id, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4, ?5)
                                ON CONFLICT DO NOTHING""")
                        .setParameter(1, id).setParameter(2, shift.staffId()).setParameter(3, shift.siteId())
                        .setParameter(4, start).setParameter(5, end).executeUpdate();
            }
        }
    }

    private static void supervisor(String siteId, String supervisorId) {
        Panache.getEntityManager().createNativeQuery(
                        "INSERT INTO site_supervisor (site_id, supervisor_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, siteId).setParameter(2, supervisorId).executeUpdate();
    }

    private static void facilitator(String siteId, String staffId) {
        Panache.getEntityManager().createNativeQuery(
                        "INSERT INTO facilitator (site_id, staff_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, siteId).setParameter(2, staffId).executeUpdate();
    }
}

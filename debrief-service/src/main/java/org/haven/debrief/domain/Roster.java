package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who supervises a site, who may facilitate there, and who is on shift there when. Read as plain values, never as
 * managed entities: scheduling only reads the roster, so nothing of it needs dirty-checking at flush.
 */
@ApplicationScoped
public class Roster {

    /*
     * One query for both kinds of shift. The staff ids travel as one array parameter (= ANY), not as an IN list:
     * Hibernate cannot cache a query's SQL translation when a parameter is bound to a list, so an IN list
     * would be translated again on every scheduling.
     */
    private static final String SHIFTS = """
            SELECT staff_id, starts_at, ends_at FROM shift
            WHERE ends_at > ?1 AND starts_at < ?2
              AND ((site_id = ?3 AND staff_id = ANY(?4)) OR staff_id = ANY(?5))
            ORDER BY starts_at""";

    public Optional<String> supervisorOf(String siteId) {
        return Panache.getEntityManager()
                .createQuery("select s.supervisorId from SiteSupervisor s where s.siteId = ?1", String.class)
                .setParameter(1, siteId)
                .getResultStream().findFirst();
    }

    /** The site's trained facilitators, in a stable order. */
    public List<String> facilitatorsOf(String siteId) {
        return Panache.getEntityManager()
                .createQuery("select f.staffId from Facilitator f where f.siteId = ?1 order by f.staffId", String.class)
                .setParameter(1, siteId)
                .getResultList();
    }

    /**
     * The shifts overlapping {@code from}–{@code to}, per staff member: of {@code atSite} at the site, and of
     * {@code anywhere} at any site (a facilitator on shift anywhere in the program can come to the house).
     */
    public Map<String, List<TimeSpan>> shiftsOf(String siteId, Collection<String> atSite, Collection<String> anywhere,
                                                Instant from, Instant to) {
        Map<String, List<TimeSpan>> shifts = new HashMap<>();
        if (atSite.isEmpty() && anywhere.isEmpty()) {
            return shifts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(SHIFTS)
                .unwrap(NativeQuery.class)
                .addScalar("staff_id", String.class)
                .addScalar("starts_at", Instant.class)
                .addScalar("ends_at", Instant.class)
                // Only pending shift changes need flushing before this read, not the debrief being scheduled.
                .addSynchronizedEntityClass(Shift.class)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, siteId)
                .setParameter(4, atSite.toArray(String[]::new))
                .setParameter(5, anywhere.toArray(String[]::new))
                .getResultList();
        for (Object[] row : rows) {
            shifts.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add(new TimeSpan((Instant) row[1], (Instant) row[2]));
        }
        return shifts;
    }
}

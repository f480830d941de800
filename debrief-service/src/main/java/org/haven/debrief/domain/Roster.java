package org.haven.debrief.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.haven.events.WorkPattern;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who supervises a site, who may facilitate there, and who is on shift there when: read from the projection of
 * notification-service's organisation (persistence.OrganisationProjection), never kept here. Working time is each
 * person's weekly pattern plus dated exceptions at a site, turned into instants in that site's zone.
 */
@ApplicationScoped
public class Roster {

    private static final Logger LOG = Logger.getLogger(Roster.class);

    /*
     * The staff ids travel as one array parameter (= ANY), not as an IN list: Hibernate cannot cache a query's SQL
     * translation when a parameter is bound to a list, so an IN list would be translated again on every scheduling.
     */
    private static final String PATTERNS = """
            SELECT p.person_id, p.pattern, s.time_zone FROM org_work_pattern p
            JOIN org_site s ON s.id = p.site_id AND NOT s.removed
            WHERE (p.site_id = ?1 AND p.person_id = ANY(?2)) OR p.person_id = ANY(?3)""";

    private final ObjectMapper json;

    Roster(ObjectMapper json) {
        this.json = json;
    }

    /** The site's supervisor (the first by id when the organisation names several). */
    public Optional<String> supervisorOf(String siteId) {
        return withRole(siteId, "SUPERVISOR").stream().findFirst();
    }

    /** The site's trained facilitators, in a stable order. */
    public List<String> facilitatorsOf(String siteId) {
        return withRole(siteId, "FACILITATOR");
    }

    @SuppressWarnings("unchecked")
    private List<String> withRole(String siteId, String role) {
        return Panache.getEntityManager()
                .createNativeQuery("SELECT person_id FROM org_role WHERE site_id = ?1 AND role = ?2 ORDER BY person_id")
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("org_role")
                .setParameter(1, siteId)
                .setParameter(2, role)
                .getResultList();
    }

    /**
     * The working time overlapping {@code from}–{@code to}, per staff member: of {@code atSite} at the site, and of
     * {@code anywhere} at any site (a facilitator on shift anywhere in the program can come to the house).
     */
    public Map<String, List<TimeSpan>> shiftsOf(String siteId, Collection<String> atSite, Collection<String> anywhere,
                                                Instant from, Instant to) {
        Map<String, List<TimeSpan>> shifts = new HashMap<>();
        if (atSite.isEmpty() && anywhere.isEmpty()) {
            return shifts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(PATTERNS)
                .unwrap(NativeQuery.class)
                // Nothing this service writes in a scheduling transaction is read here: no flush of the debrief being scheduled.
                .addSynchronizedQuerySpace("org_work_pattern")
                .setParameter(1, siteId)
                .setParameter(2, atSite.toArray(String[]::new))
                .setParameter(3, anywhere.toArray(String[]::new))
                .getResultList();
        for (Object[] row : rows) {
            String personId = (String) row[0];
            Optional<ZoneId> zone = zone((String) row[2]);
            if (zone.isEmpty()) {
                LOG.warnf("A site of %s has no readable time zone '%s'; its working time there is not counted", personId, row[2]);
                continue;
            }
            for (WorkPattern.Span span : pattern((String) row[1]).spans(zone.get(), from, to)) {
                shifts.computeIfAbsent(personId, id -> new ArrayList<>()).add(new TimeSpan(span.start(), span.end()));
            }
        }
        shifts.values().forEach(spans -> spans.sort(Comparator.comparing(TimeSpan::start)));
        return shifts;
    }

    private WorkPattern pattern(String stored) {
        try {
            return json.readValue(stored, WorkPattern.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored working pattern cannot be read", e);
        }
    }

    private static Optional<ZoneId> zone(String timeZone) {
        try {
            return timeZone == null ? Optional.empty() : Optional.of(ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

package org.haven.incident.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.events.WorkPattern;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who works at a site, read from incident-service's own projection of the organisation: the people the report form
 * offers, and the only people a report may name. "On shift now" reads each person's working pattern in the site's
 * zone at the service's clock; a person who holds only a role at the site (no working time) is listed, never on shift.
 */
@ApplicationScoped
public class SitePeople {

    /** One of a site's people as the form shows them. */
    public record Colleague(String id, String name, boolean onShift) {
    }

    private static final String MEMBERS = """
            SELECT p.id, p.display_name, m.work_pattern, s.time_zone
            FROM org_site_member m
            JOIN org_person p ON p.id = m.person_id AND NOT p.removed
            LEFT JOIN org_site s ON s.id = m.site_id AND NOT s.removed
            WHERE m.site_id = ?1""";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    SitePeople(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** The site's people, those on shift now first, each group by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Colleague> of(String siteId) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(MEMBERS).setParameter(1, siteId).getResultList();
        return rows.stream()
                .map(row -> new Colleague((String) row[0], row[1] == null ? (String) row[0] : (String) row[1],
                        onShift((String) row[2], (String) row[3], now)))
                .sorted(Comparator.comparing((Colleague c) -> !c.onShift())
                        .thenComparing(Colleague::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Colleague::id))
                .toList();
    }

    /** Those of {@code ids} who do not work at the site, in the order given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> unknownAt(String siteId, Collection<String> ids) {
        Set<String> asked = new LinkedHashSet<>(ids);
        if (asked.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> known = entityManager.createNativeQuery("""
                        SELECT m.person_id FROM org_site_member m JOIN org_person p ON p.id = m.person_id AND NOT p.removed
                        WHERE m.site_id = ?1 AND m.person_id = ANY(?2)""")
                .setParameter(1, siteId).setParameter(2, asked.toArray(String[]::new)).getResultList();
        asked.removeAll(new HashSet<>(known));
        return asked;
    }

    private boolean onShift(String pattern, String timeZone, Instant now) {
        if (pattern == null) {
            return false;
        }
        try {
            return json.readValue(pattern, WorkPattern.class).spans(zone(timeZone), now, now.plusSeconds(1)).stream()
                    .anyMatch(span -> span.covers(now));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}

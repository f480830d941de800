package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Time from incident to debrief per site and month (UTC) over the last months, every month present even
 * when nothing was held, together with the deadlines that applied: what the compliance plot and its table show.
 */
@ApplicationScoped
public class ComplianceHistory {

    /** One site's month: circles held, how many by their deadline, the median and the longest hours to the circle. */
    public record Month(YearMonth month, long held, long heldByDeadline, double medianHours, double longestHours) {

        public int percentByDeadline() {
            return held == 0 ? 0 : (int) Math.round(100.0 * heldByDeadline / held);
        }
    }

    /** A site's months, oldest first, and the hours-to-deadline of the debriefs held in them. */
    public record Site(String siteId, List<Month> months, List<Long> deadlineHours) {
    }

    private final Clock clock;

    ComplianceHistory(Clock clock) {
        this.clock = clock;
    }

    public List<Site> of(Collection<String> siteIds, int months) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        YearMonth last = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth first = last.minusMonths(months - 1L);
        Instant from = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Map<YearMonth, Month>> held = heldPerMonth(siteIds, from);
        Map<String, TreeSet<Long>> deadlines = deadlineHours(siteIds, from);
        List<Site> sites = new ArrayList<>();
        for (String siteId : new TreeSet<>(siteIds)) {
            Map<YearMonth, Month> site = held.getOrDefault(siteId, Map.of());
            List<Month> series = new ArrayList<>();
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                series.add(site.getOrDefault(month, new Month(month, 0, 0, 0, 0)));
            }
            sites.add(new Site(siteId, series, List.copyOf(deadlines.getOrDefault(siteId, new TreeSet<>()))));
        }
        return sites;
    }

    private static Map<String, Map<YearMonth, Month>> heldPerMonth(Collection<String> siteIds, Instant from) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        SELECT site_id, to_char(held_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*),
                               count(*) FILTER (WHERE held_at <= deadline),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM held_at - reported_at) / 3600),
                               max(extract(epoch FROM held_at - reported_at) / 3600)
                        FROM debrief
                        WHERE held_at IS NOT NULL AND held_at >= ?1 AND site_id IN (?2)
                        GROUP BY 1, 2""")
                .setParameter(1, from).setParameter(2, siteIds).getResultList();
        Map<String, Map<YearMonth, Month>> held = new HashMap<>();
        for (Object[] row : rows) {
            YearMonth month = YearMonth.parse((String) row[1]);
            held.computeIfAbsent((String) row[0], site -> new HashMap<>()).put(month, new Month(month,
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), tenths(row[4]), tenths(row[5])));
        }
        return held;
    }

    private static Map<String, TreeSet<Long>> deadlineHours(Collection<String> siteIds, Instant from) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        SELECT DISTINCT site_id, round(extract(epoch FROM deadline - reported_at) / 3600)
                        FROM debrief
                        WHERE held_at IS NOT NULL AND held_at >= ?1 AND site_id IN (?2)""")
                .setParameter(1, from).setParameter(2, siteIds).getResultList();
        Map<String, TreeSet<Long>> deadlines = new HashMap<>();
        for (Object[] row : rows) {
            deadlines.computeIfAbsent((String) row[0], site -> new TreeSet<>()).add(((Number) row[1]).longValue());
        }
        return deadlines;
    }

    private static double tenths(Object hours) {
        return Math.round(((Number) hours).doubleValue() * 10) / 10.0;
    }
}

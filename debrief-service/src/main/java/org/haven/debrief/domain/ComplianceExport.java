package org.haven.debrief.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.haven.http.report.ReportPeriod;
import org.haven.http.report.ReportRows;
import org.haven.http.report.ReportTime;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Debrief compliance for a licensing body: one row per critical incident reported in the period (in its site's zone)
 * at the reader's sites, with the deadline of the debrief that covers it, when that was held, whether that was in
 * time, and how many were invited, required and came. Counts only: no participant is named, nothing said in the
 * circle is read. Read {@value #PAGE} incidents at a time after the last one written, each page in its own short
 * transaction.
 */
@ApplicationScoped
public class ComplianceExport {

    static final int PAGE = 500;
    private static final UUID NIL = new UUID(0, 0);

    public static final List<String> HEADER = List.of("incident_id", "incident_type", "reported", "time_zone", "site",
            "debrief_id", "status", "deadline", "held_at", "on_time", "invited", "required", "attended", "required_absent");

    private static final String ROWS = """
            SELECT di.incident_id, di.incident_type, di.reported_at, d.site_id, d.id, d.status, d.deadline, d.held_at,
                   (SELECT count(*) FROM debrief_participant p WHERE p.debrief_id = d.id),
                   (SELECT count(*) FROM debrief_participant p WHERE p.debrief_id = d.id AND p.required),
                   (SELECT count(*) FROM debrief_participant p WHERE p.debrief_id = d.id AND p.attended),
                   (SELECT count(*) FROM debrief_participant p WHERE p.debrief_id = d.id AND p.required AND p.attended IS NOT TRUE)
            FROM debrief_incident di
            JOIN debrief d ON d.id = di.debrief_id
            JOIN unnest(CAST(?1 AS varchar[]), CAST(?2 AS timestamptz[]), CAST(?3 AS timestamptz[])) AS bounds (site_id, starts, ends)
              ON bounds.site_id = d.site_id
            WHERE di.reported_at >= bounds.starts AND di.reported_at < bounds.ends
              AND (di.reported_at, di.incident_id) > (CAST(?4 AS timestamptz), CAST(?5 AS uuid))
            ORDER BY di.reported_at, di.incident_id
            LIMIT ?6""";

    private final EntityManager entityManager;
    private final Clock clock;

    ComplianceExport(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public long write(Collection<String> sites, ReportPeriod period, ReportRows rows) throws IOException {
        rows.header(HEADER);
        if (sites.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<String, ZoneId> zones = zones(sites);
        List<String> siteIds = new ArrayList<>(new TreeSet<>(sites));
        String[] starts = new String[siteIds.size()];
        String[] ends = new String[siteIds.size()];
        Instant earliest = null;
        for (int i = 0; i < siteIds.size(); i++) {
            Instant start = period.startIn(zones.get(siteIds.get(i)));
            starts[i] = start.toString();
            ends[i] = period.endIn(zones.get(siteIds.get(i))).toString();
            earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
        }
        Instant afterAt = earliest.minusNanos(1000);
        UUID afterId = NIL;
        long written = 0;
        while (true) {
            Instant pageAfterAt = afterAt;
            UUID pageAfterId = afterId;
            @SuppressWarnings("unchecked")
            List<Object[]> page = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(ROWS)
                    .setParameter(1, siteIds.toArray(String[]::new)).setParameter(2, starts).setParameter(3, ends)
                    .setParameter(4, pageAfterAt.toString()).setParameter(5, pageAfterId.toString()).setParameter(6, PAGE)
                    .getResultList());
            for (Object[] row : page) {
                ZoneId zone = zones.get((String) row[3]);
                Instant deadline = instant(row[6]);
                Instant heldAt = instant(row[7]);
                rows.row(List.of(row[0].toString(), (String) row[1], ReportTime.local(instant(row[2]), zone), zone.getId(),
                        (String) row[3], row[4].toString(), ((String) row[5]).toLowerCase(java.util.Locale.ROOT),
                        ReportTime.local(deadline, zone), ReportTime.local(heldAt, zone),
                        onTime(DebriefStatus.valueOf((String) row[5]), deadline, heldAt, now),
                        count(row[8]), count(row[9]), heldAt == null ? "" : count(row[10]), heldAt == null ? "" : count(row[11])));
            }
            rows.flush();
            written += page.size();
            if (page.size() < PAGE) {
                return written;
            }
            Object[] last = page.get(page.size() - 1);
            afterAt = instant(last[2]);
            afterId = (UUID) last[0];
        }
    }

    /** yes / no (held late) / overdue (not held, deadline passed) / pending (not held, still in time) / cancelled. */
    static String onTime(DebriefStatus status, Instant deadline, Instant heldAt, Instant now) {
        if (heldAt != null) {
            return heldAt.isAfter(deadline) ? "no" : "yes";
        }
        if (status == DebriefStatus.CANCELLED) {
            return "cancelled";
        }
        return now.isAfter(deadline) ? "overdue" : "pending";
    }

    private Map<String, ZoneId> zones(Collection<String> sites) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT id, time_zone FROM org_site WHERE id = ANY (CAST(?1 AS varchar[])) AND NOT removed")
                .setParameter(1, sites.toArray(String[]::new)).getResultList());
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        sites.forEach(site -> zones.put(site, ReportTime.zoneOr(null)));
        rows.forEach(row -> zones.put((String) row[0], ReportTime.zoneOr((String) row[1])));
        return zones;
    }

    private static String count(Object value) {
        return Long.toString(((Number) value).longValue());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}

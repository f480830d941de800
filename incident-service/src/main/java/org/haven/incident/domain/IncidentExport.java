package org.haven.incident.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.haven.http.report.ReportPeriod;
import org.haven.http.report.ReportRows;
import org.haven.http.report.ReportTime;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The incidents of a period at the sites a reader may see, for a licensing body or a board: one row per required
 * outside notification (an incident without any has one row with those columns empty), in order of occurrence, every
 * time in its site's zone. Read {@value #PAGE} incidents at a time after the last one sent, each page in its own short
 * transaction that also records the reading in the audit trail (a narrative export as a view of each incident, like
 * any narrative read; otherwise as a listing), so a year of a large program never sits in memory and no transaction
 * stays open while a slow download drains.
 */
@ApplicationScoped
public class IncidentExport {

    static final int PAGE = 500;
    private static final UUID NIL = new UUID(0, 0);

    /** What the reader asked for and may have, decided before the download starts. */
    public record Request(String readerId, Collection<String> sites, ReportPeriod period, boolean reporterNames,
                          boolean narrative) {
    }

    private static final List<String> COLUMNS = List.of("incident_id", "occurred", "reported", "time_zone", "site",
            "type", "severity", "critical", "reporter_role");
    private static final List<String> CHECKLIST = List.of("client_codes", "notification_rule", "notification_recipient",
            "notification_deadline", "notification_done_at", "notification_reference_number");
    private static final List<String> NARRATIVE = List.of("summary", "location", "injuries", "immediate_actions",
            "last_seen_place", "last_seen_clothing", "search_steps");

    private static final String INCIDENTS = """
            SELECT i.id, i.site_id, i.type, i.severity, i.critical, i.occurred_at, i.reported_at, i.reporter_id,
                   array_to_string(i.client_codes, ' '), m.person_id IS NOT NULL, array_to_string(m.roles, ' '),
                   p.display_name, i.summary, i.location, i.injuries, i.immediate_actions, i.last_seen_place,
                   i.last_seen_clothing, i.search_steps
            FROM incident i
            JOIN unnest(CAST(?1 AS varchar[]), CAST(?2 AS timestamptz[]), CAST(?3 AS timestamptz[])) AS bounds (site_id, starts, ends)
              ON bounds.site_id = i.site_id
            LEFT JOIN org_site_member m ON m.site_id = i.site_id AND m.person_id = i.reporter_id
            LEFT JOIN org_person p ON p.id = i.reporter_id AND NOT p.removed
            WHERE i.occurred_at >= bounds.starts AND i.occurred_at < bounds.ends
              AND (i.occurred_at, i.id) > (CAST(?4 AS timestamptz), CAST(?5 AS uuid))
            ORDER BY i.occurred_at, i.id
            LIMIT ?6""";

    private static final String CHECKLIST_ITEMS = """
            SELECT incident_id, rule_id, recipient, due_at, done_at, reference
            FROM external_notification
            WHERE incident_id = ANY (CAST(?1 AS uuid[]))
            ORDER BY due_at, rule_id""";

    private final EntityManager entityManager;
    private final AuditTrail audit;

    IncidentExport(EntityManager entityManager, AuditTrail audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    public static List<String> header(Request request) {
        List<String> header = new ArrayList<>(COLUMNS);
        if (request.reporterNames()) {
            header.add("reporter");
        }
        header.addAll(CHECKLIST);
        if (request.narrative()) {
            header.addAll(NARRATIVE);
        }
        return header;
    }

    /** Writes the header and every row; returns the number of incidents written. */
    public long write(Request request, ReportRows rows) throws IOException {
        rows.header(header(request));
        if (request.sites().isEmpty()) {
            return 0;
        }
        Map<String, ZoneId> zones = zones(request.sites());
        List<String> siteIds = new ArrayList<>(new TreeSet<>(request.sites()));
        String[] starts = new String[siteIds.size()];
        String[] ends = new String[siteIds.size()];
        Instant after = null;
        for (int i = 0; i < siteIds.size(); i++) {
            ZoneId zone = zones.get(siteIds.get(i));
            Instant start = request.period().startIn(zone);
            starts[i] = start.toString();
            ends[i] = request.period().endIn(zone).toString();
            after = after == null || start.isBefore(after) ? start : after;
        }
        Instant afterAt = after.minusNanos(1000);
        UUID afterId = NIL;
        long written = 0;
        while (true) {
            Instant pageAfterAt = afterAt;
            UUID pageAfterId = afterId;
            Page page = QuarkusTransaction.requiringNew().call(() -> page(request, siteIds, starts, ends, pageAfterAt, pageAfterId));
            for (Object[] incident : page.incidents()) {
                writeIncident(request, rows, incident, zones, page.checklist().getOrDefault((UUID) incident[0], List.of()));
            }
            rows.flush();
            written += page.incidents().size();
            if (page.incidents().size() < PAGE) {
                return written;
            }
            Object[] last = page.incidents().get(page.incidents().size() - 1);
            afterAt = instant(last[5]);
            afterId = (UUID) last[0];
        }
    }

    private record Page(List<Object[]> incidents, Map<UUID, List<Object[]>> checklist) {
    }

    private Page page(Request request, List<String> siteIds, String[] starts, String[] ends, Instant afterAt, UUID afterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> incidents = entityManager.createNativeQuery(INCIDENTS)
                .setParameter(1, siteIds.toArray(String[]::new)).setParameter(2, starts).setParameter(3, ends)
                .setParameter(4, afterAt.toString()).setParameter(5, afterId.toString()).setParameter(6, PAGE)
                .getResultList();
        Map<UUID, List<Object[]>> checklist = new HashMap<>();
        if (!incidents.isEmpty()) {
            UUID[] ids = incidents.stream().map(row -> (UUID) row[0]).toArray(UUID[]::new);
            @SuppressWarnings("unchecked")
            List<Object[]> items = entityManager.createNativeQuery(CHECKLIST_ITEMS).setParameter(1, ids).getResultList();
            for (Object[] item : items) {
                checklist.computeIfAbsent((UUID) item[0], id -> new ArrayList<>()).add(item);
            }
            List<Incident> read = incidents.stream().map(IncidentExport::reference).toList();
            audit.recordAll(request.readerId(), request.narrative() ? AuditEntry.Action.VIEWED : AuditEntry.Action.LISTED, read);
        }
        return new Page(incidents, checklist);
    }

    /** What the audit trail needs of an incident (its id and site), without loading the report into the session. */
    private static Incident reference(Object[] row) {
        Incident incident = new Incident();
        incident.id = (UUID) row[0];
        incident.siteId = (String) row[1];
        return incident;
    }

    private static void writeIncident(Request request, ReportRows rows, Object[] row, Map<String, ZoneId> zones,
                                      List<Object[]> checklist) throws IOException {
        ZoneId zone = zones.get((String) row[1]);
        List<String> incident = new ArrayList<>(List.of(row[0].toString(), ReportTime.local(instant(row[5]), zone),
                ReportTime.local(instant(row[6]), zone), zone.getId(), (String) row[1], (String) row[2], (String) row[3],
                Boolean.TRUE.equals(row[4]) ? "yes" : "no", reporterRole(Boolean.TRUE.equals(row[9]), (String) row[10])));
        if (request.reporterNames()) {
            incident.add(row[11] == null ? (String) row[7] : (String) row[11]);
        }
        List<String> narrative = request.narrative()
                ? Arrays.stream(row, 12, 19).map(value -> (String) value).toList() : List.of();
        String clientCodes = row[8] == null ? "" : (String) row[8];
        if (checklist.isEmpty()) {
            checklist = java.util.Collections.singletonList(null);
        }
        for (Object[] item : checklist) {
            List<String> fields = new ArrayList<>(incident);
            fields.add(clientCodes);
            if (item == null) {
                fields.addAll(Arrays.asList("", "", "", "", ""));
            } else {
                fields.add((String) item[1]);
                fields.add((String) item[2]);
                fields.add(ReportTime.local(instant(item[3]), zone));
                fields.add(ReportTime.local(instant(item[4]), zone));
                fields.add(item[5] == null ? "" : (String) item[5]);
            }
            fields.addAll(narrative);
            rows.row(fields);
        }
    }

    /** The directory's roles at the site, or "staff" for a member without one; "unknown" if the directory lacks them. */
    static String reporterRole(boolean member, String roles) {
        if (!member) {
            return "unknown";
        }
        return roles == null || roles.isBlank() ? "staff" : roles.toLowerCase(Locale.ROOT).replace(' ', ';');
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

package org.haven.debrief.api;

import io.quarkus.qute.RawString;
import org.haven.debrief.domain.ComplianceHistory;
import org.haven.debrief.domain.Debrief;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** One site on the supervisors' page: overdue and upcoming debriefs, and the compliance plot with its table. */
public record SiteOverview(String siteId, List<Row> overdue, List<Row> upcoming, List<ComplianceHistory.Month> months,
                           List<Long> deadlineHours, RawString plot) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** An unheld debrief: what happened (type only — never client or narrative), by when, and when it meets. */
    public record Row(UUID id, String incidentType, int incidents, String reportedAt, String deadline, String slot,
                      int uncovered, String late) {
    }

    static SiteOverview of(ComplianceHistory.Site site, List<Debrief> unheld, Instant now) {
        List<Row> overdue = unheld.stream().filter(d -> !d.deadline.isAfter(now)).map(d -> row(d, now)).toList();
        List<Row> upcoming = unheld.stream().filter(d -> d.deadline.isAfter(now)).map(d -> row(d, now)).toList();
        String plotId = "plot-" + Math.abs(site.siteId().hashCode());
        return new SiteOverview(site.siteId(), overdue, upcoming, site.months(), site.deadlineHours(),
                new RawString(CompliancePlot.svg(site, plotId)));
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    private static Row row(Debrief debrief, Instant now) {
        String slot = debrief.startsAt == null ? "no slot yet" : when(debrief.startsAt);
        String late = debrief.deadline.isAfter(now) ? "" : hoursLate(Duration.between(debrief.deadline, now));
        return new Row(debrief.id, debrief.incidentType, debrief.incidents.size(), when(debrief.reportedAt), when(debrief.deadline),
                slot, debrief.uncoveredIds().size(), late);
    }

    private static String hoursLate(Duration late) {
        long hours = late.toHours();
        return hours < 48 ? hours + " h past the deadline" : late.toDays() + " days past the deadline";
    }
}

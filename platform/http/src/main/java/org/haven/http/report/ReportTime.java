package org.haven.http.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times in a report: the site's wall-clock time as {@code 2026-03-08 07:00} (ISO 8601 date and time, with the space
 * RFC 3339 allows), which Excel and LibreOffice read as a date-time in any locale; the zone is a column of its own.
 * The machine's default zone is never used.
 */
public final class ReportTime {

    /** Named "UTC" in a report's zone column, not "Z". */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private ReportTime() {
    }

    public static String local(Instant at, ZoneId zone) {
        return at == null ? "" : LOCAL.format(at.atZone(zone));
    }

    /** The site's zone, or UTC when the site is unknown to the projection or its zone is not a valid id. */
    public static ZoneId zoneOr(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(zoneId);
        } catch (java.time.DateTimeException e) {
            return UTC;
        }
    }
}

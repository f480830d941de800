package org.haven.http.report;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, {@code from} and {@code to} both included, as dates of each site's own calendar: a day at
 * a New York site starts at midnight in New York. At most {@link #LONGEST_DAYS} days, so that a year (a leap year too)
 * fits and a mistyped century does not start a scan of everything.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int LONGEST_DAYS = 366;

    /** @throws ReportRequestInvalid naming {@code from} or {@code to} */
    public static ReportPeriod parse(String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new ReportRequestInvalid("to", "must be on or after from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > LONGEST_DAYS) {
            throw new ReportRequestInvalid("to", "a report covers at most " + LONGEST_DAYS + " days");
        }
        return new ReportPeriod(first, last);
    }

    /** Last calendar month (UTC) at {@code clock}: a period that is over, as a board report usually is. */
    public static ReportPeriod lastMonth(Clock clock) {
        YearMonth last = YearMonth.from(LocalDate.now(clock.withZone(ZoneOffset.UTC))).minusMonths(1);
        return new ReportPeriod(last.atDay(1), last.atEndOfMonth());
    }

    /** The first instant of the period in {@code zone}. */
    public Instant startIn(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in {@code zone}. */
    public Instant endIn(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** For file names: {@code 2026-01-01_2026-12-31}. */
    public String label() {
        return from + "_" + to;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ReportRequestInvalid(field, "is required, as a date such as 2026-01-31");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            throw new ReportRequestInvalid(field, "must be a date such as 2026-01-31");
        }
    }
}

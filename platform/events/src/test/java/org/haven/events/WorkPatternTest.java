package org.haven.events;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkPatternTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static WorkPattern.Weekly weekly(DayOfWeek day, int from, int to) {
        return new WorkPattern.Weekly(day, LocalTime.of(from, 0), LocalTime.of(to, 0));
    }

    private static WorkPattern.Span span(String start, String end) {
        return new WorkPattern.Span(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void aSevenOClockShiftStaysAtSevenLocalAcrossTheMarchChange() {
        // 2026-03-08 is the second Sunday of March: New York moves from UTC-5 to UTC-4 at 02:00.
        WorkPattern pattern = new WorkPattern(List.of(weekly(DayOfWeek.SATURDAY, 7, 15), weekly(DayOfWeek.SUNDAY, 7, 15),
                weekly(DayOfWeek.MONDAY, 7, 15)), List.of());

        assertThat(pattern.spans(NEW_YORK, Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z")))
                .containsExactly(
                        span("2026-03-07T12:00:00Z", "2026-03-07T20:00:00Z"),
                        span("2026-03-08T11:00:00Z", "2026-03-08T19:00:00Z"),
                        span("2026-03-09T11:00:00Z", "2026-03-09T19:00:00Z"));
    }

    @Test
    void aNightShiftOverTheChangeIsAnHourShorter() {
        WorkPattern pattern = new WorkPattern(List.of(weekly(DayOfWeek.SATURDAY, 22, 6)), List.of());

        assertThat(pattern.spans(NEW_YORK, Instant.parse("2026-03-07T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z")))
                .containsExactly(span("2026-03-08T03:00:00Z", "2026-03-08T10:00:00Z"));
    }

    @Test
    void leaveTakesItsStretchOffAndAnExtraShiftIsAdded() {
        LocalDate monday = LocalDate.of(2026, 3, 9);
        WorkPattern pattern = new WorkPattern(List.of(weekly(DayOfWeek.MONDAY, 7, 15), weekly(DayOfWeek.TUESDAY, 7, 15)),
                List.of(new WorkPattern.Dated(monday, LocalTime.of(11, 0), LocalTime.of(13, 0), WorkPattern.Kind.LEAVE),
                        new WorkPattern.Dated(monday.plusDays(1), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, WorkPattern.Kind.LEAVE),
                        new WorkPattern.Dated(monday.plusDays(2), LocalTime.of(18, 0), LocalTime.of(22, 0), WorkPattern.Kind.EXTRA)));

        assertThat(pattern.spans(NEW_YORK, Instant.parse("2026-03-09T00:00:00Z"), Instant.parse("2026-03-12T00:00:00Z")))
                .containsExactly(
                        span("2026-03-09T11:00:00Z", "2026-03-09T15:00:00Z"),
                        span("2026-03-09T17:00:00Z", "2026-03-09T19:00:00Z"),
                        span("2026-03-11T22:00:00Z", "2026-03-12T02:00:00Z"));
    }

    @Test
    void onlyStretchesOverlappingTheWindowAreGiven() {
        WorkPattern pattern = new WorkPattern(List.of(weekly(DayOfWeek.MONDAY, 7, 15)), List.of());

        assertThat(pattern.spans(NEW_YORK, Instant.parse("2026-03-09T18:59:00Z"), Instant.parse("2026-03-09T23:00:00Z")))
                .containsExactly(span("2026-03-09T11:00:00Z", "2026-03-09T19:00:00Z"));
        assertThat(pattern.spans(NEW_YORK, Instant.parse("2026-03-09T19:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"))).isEmpty();
    }
}

package org.haven.notification;

import org.haven.events.WorkPattern;
import org.haven.notification.domain.WorkWeek;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkWeekTest {

    private static WorkWeek.AtSite shift(DayOfWeek day, String start, String end, String zone) {
        return new WorkWeek.AtSite("site-" + zone, ZoneId.of(zone),
                new WorkPattern(List.of(new WorkPattern.Weekly(day, LocalTime.parse(start), LocalTime.parse(end))), List.of()));
    }

    @Test
    void dayShiftCoversItsHoursInItsOwnTimeZoneOnly() {
        WorkWeek week = new WorkWeek(List.of(shift(DayOfWeek.TUESDAY, "09:00", "17:00", "America/New_York")));

        assertThat(week.isWorking(Instant.parse("2026-03-03T14:00:00Z"))).as("Tue 09:00 EST").isTrue();
        assertThat(week.isWorking(Instant.parse("2026-03-03T21:59:59Z"))).as("Tue 16:59 EST").isTrue();
        assertThat(week.isWorking(Instant.parse("2026-03-03T22:00:00Z"))).as("Tue 17:00 EST, the end").isFalse();
        assertThat(week.isWorking(Instant.parse("2026-03-03T13:59:00Z"))).as("Tue 08:59 EST").isFalse();
        assertThat(week.isWorking(Instant.parse("2026-03-04T15:00:00Z"))).as("Wednesday").isFalse();
    }

    @Test
    void nightShiftRunsPastMidnight() {
        WorkWeek week = new WorkWeek(List.of(shift(DayOfWeek.FRIDAY, "22:00", "06:00", "UTC")));

        assertThat(week.isWorking(Instant.parse("2026-03-06T23:00:00Z"))).as("Friday night").isTrue();
        assertThat(week.isWorking(Instant.parse("2026-03-07T05:59:00Z"))).as("Saturday morning").isTrue();
        assertThat(week.isWorking(Instant.parse("2026-03-07T06:00:00Z"))).isFalse();
    }

    @Test
    void nextStartIsTheEarliestShiftStartAfterNowAcrossTheWeek() {
        WorkWeek week = new WorkWeek(List.of(shift(DayOfWeek.MONDAY, "07:00", "15:00", "UTC"),
                shift(DayOfWeek.THURSDAY, "07:00", "15:00", "UTC")));

        assertThat(week.nextStart(Instant.parse("2026-03-03T12:00:00Z"))).contains(Instant.parse("2026-03-05T07:00:00Z"));
        assertThat(week.nextStart(Instant.parse("2026-03-05T16:00:00Z"))).as("past Thursday's: next Monday")
                .contains(Instant.parse("2026-03-09T07:00:00Z"));
    }

    @Test
    void shiftStartsAtTheSameWallClockTimeAcrossADaylightSavingChange() {
        WorkWeek week = new WorkWeek(List.of(shift(DayOfWeek.MONDAY, "09:00", "17:00", "America/New_York")));

        // New York moves to EDT on Sunday 8 March 2026.
        assertThat(week.nextStart(Instant.parse("2026-03-03T00:00:00Z"))).contains(Instant.parse("2026-03-09T13:00:00Z"));
    }

    @Test
    void leaveMovesTheNextStartToTheFollowingShift() {
        ZoneId newYork = ZoneId.of("America/New_York");
        WorkWeek week = new WorkWeek(List.of(new WorkWeek.AtSite("site-north", newYork, new WorkPattern(
                List.of(new WorkPattern.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))),
                List.of(new WorkPattern.Dated(LocalDate.of(2026, 3, 9), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, WorkPattern.Kind.LEAVE))))));

        assertThat(week.nextStart(Instant.parse("2026-03-03T00:00:00Z"))).contains(Instant.parse("2026-03-16T13:00:00Z"));
    }

    @Test
    void personWithoutShiftsIsNeverHeldBack() {
        WorkWeek week = new WorkWeek(List.of());

        assertThat(week.isShiftBound()).isFalse();
        assertThat(week.isWorking(Instant.parse("2026-03-03T03:00:00Z"))).isTrue();
    }
}

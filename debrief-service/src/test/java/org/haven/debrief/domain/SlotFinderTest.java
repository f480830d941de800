package org.haven.debrief.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SlotFinderTest {

    static final Instant ELOPEMENT_REPORTED = Instant.parse("2026-11-20T21:40:00Z");
    static final Instant DEADLINE = ELOPEMENT_REPORTED.plus(Duration.ofHours(24));
    static final Duration HOUR = Duration.ofHours(1);

    final SlotFinder finder = new SlotFinder(Duration.ofMinutes(15));

    @Test
    void elopementAt2140GetsTheEarliestSlotInsideEveryonesShiftBefore2140NextDay() {
        Map<String, List<TimeSpan>> shifts = Map.of(
                "ana", List.of(shift("2026-11-20T15:00", "2026-11-20T23:00"), shift("2026-11-21T07:00", "2026-11-21T15:00")),
                "ben", List.of(shift("2026-11-21T09:00", "2026-11-21T17:00")),
                "sup", List.of(shift("2026-11-21T08:00", "2026-11-21T16:00")));

        ProposedSlot slot = finder.find(ELOPEMENT_REPORTED, DEADLINE, HOUR, List.of("ana", "ben", "sup"), shifts).orElseThrow();

        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(slot.endsAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(slot.coversEveryone()).isTrue();
        assertThat(slot.endsBy(DEADLINE)).isTrue();
    }

    @Test
    void slotStartsNoEarlierThanNowOnTheQuarterHour() {
        Map<String, List<TimeSpan>> shifts = Map.of("ana", List.of(shift("2026-11-20T15:00", "2026-11-20T23:00")));

        ProposedSlot slot = finder.find(ELOPEMENT_REPORTED, DEADLINE, HOUR, List.of("ana"), shifts).orElseThrow();

        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-11-20T21:45:00Z"));
        assertThat(slot.coversEveryone()).isTrue();
    }

    @Test
    void aShiftTooShortForTheMinimumLengthDoesNotCount() {
        Map<String, List<TimeSpan>> shifts = Map.of(
                "ana", List.of(shift("2026-11-21T07:00", "2026-11-21T07:45"), shift("2026-11-21T13:00", "2026-11-21T18:00")));

        ProposedSlot slot = finder.find(ELOPEMENT_REPORTED, DEADLINE, HOUR, List.of("ana"), shifts).orElseThrow();

        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-11-21T13:00:00Z"));
    }

    @Test
    void shiftStartingOffTheGridIsUsedFromTheNextQuarterHour() {
        Map<String, List<TimeSpan>> shifts = Map.of("ana", List.of(shift("2026-11-21T07:10", "2026-11-21T09:00")));

        ProposedSlot slot = finder.find(ELOPEMENT_REPORTED, DEADLINE, HOUR, List.of("ana"), shifts).orElseThrow();

        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-11-21T07:15:00Z"));
    }

    @Test
    void withNoCommonSlotTheSlotCoveringTheMostIsProposedAndTheOthersAreFlagged() {
        Map<String, List<TimeSpan>> shifts = Map.of(
                "ana", List.of(shift("2026-11-21T07:00", "2026-11-21T15:00")),
                "ben", List.of(shift("2026-11-21T08:00", "2026-11-21T16:00")),
                "night", List.of(shift("2026-11-20T23:00", "2026-11-21T07:00")));

        ProposedSlot slot = finder.find(ELOPEMENT_REPORTED, DEADLINE, HOUR, List.of("ana", "ben", "night"), shifts).orElseThrow();

        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(slot.coveredIds()).containsExactly("ana", "ben");
        assertThat(slot.uncoveredIds()).containsExactly("night");
        assertThat(slot.coversEveryone()).isFalse();
    }

    @Test
    void amongEquallyCoveringSlotsTheEarliestIsProposed() {
        Map<String, List<TimeSpan>> shifts = Map.of(
                "ana", List.of(shift("2026-11-21T01:00", "2026-11-21T03:00")),
                "ben", List.of(shift("2026-11-21T05:00", "2026-11-21T07:00")));

        ProposedSlot slot = finder.find(ELOPEMENT_REPORTED, DEADLINE, HOUR, List.of("ana", "ben"), shifts).orElseThrow();

        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-11-21T01:00:00Z"));
        assertThat(slot.uncoveredIds()).containsExactly("ben");
    }

    @Test
    void nobodyOnShiftBeforeTheDeadlineGivesTheEarliestSlotWithEveryoneFlagged() {
        Map<String, List<TimeSpan>> shifts = Map.of("ana", List.of(shift("2026-11-22T07:00", "2026-11-22T15:00")));

        ProposedSlot slot = finder.find(ELOPEMENT_REPORTED, DEADLINE, HOUR, List.of("ana", "ben"), shifts).orElseThrow();

        assertThat(slot.startsAt()).isEqualTo(Instant.parse("2026-11-20T21:45:00Z"));
        assertThat(slot.coveredIds()).isEmpty();
        assertThat(slot.uncoveredIds()).containsExactly("ana", "ben");
    }

    @Test
    void aSlotThatWouldEndAfterTheDeadlineIsNeverProposed() {
        Map<String, List<TimeSpan>> shifts = Map.of("ana", List.of(shift("2026-11-21T21:00", "2026-11-22T05:00")));

        ProposedSlot slot = finder.find(ELOPEMENT_REPORTED, DEADLINE, HOUR, List.of("ana"), shifts).orElseThrow();

        assertThat(slot.coversEveryone()).as("21:00–22:00 would end after the 21:40 deadline").isFalse();
        assertThat(slot.endsBy(DEADLINE)).isTrue();
    }

    @Test
    void noSlotWhenTheMinimumLengthNoLongerFitsBeforeTheDeadline() {
        Instant now = DEADLINE.minus(Duration.ofMinutes(30));

        Optional<ProposedSlot> slot = finder.find(now, DEADLINE, HOUR, List.of("ana"), Map.of());

        assertThat(slot).isEmpty();
    }

    @Test
    void slotAtReportsWhoIsOnShiftForTheWholeSlot() {
        Map<String, List<TimeSpan>> shifts = Map.of(
                "ana", List.of(shift("2026-11-21T07:00", "2026-11-21T15:00")),
                "ben", List.of(shift("2026-11-21T14:30", "2026-11-21T22:00")));

        ProposedSlot slot = SlotFinder.slotAt(Instant.parse("2026-11-21T14:00:00Z"), HOUR, List.of("ana", "ben"), shifts);

        assertThat(slot.coveredIds()).containsExactly("ana");
        assertThat(slot.uncoveredIds()).containsExactly("ben");
    }

    /** Sixty staff on a two-week roster of rotating 8-hour shifts: the finder stays fast. */
    @Test
    void sixtyStaffOnATwoWeekRosterAreScheduledQuickly() {
        Instant rosterStart = Instant.parse("2026-11-16T00:00:00Z");
        Map<String, List<TimeSpan>> shifts = new HashMap<>();
        List<String> everyone = new ArrayList<>();
        for (int person = 0; person < 60; person++) {
            String id = "staff-" + person;
            everyone.add(id);
            List<TimeSpan> own = new ArrayList<>();
            for (int day = 0; day < 14; day++) {
                if ((day + person) % 7 < 5) {
                    Instant start = rosterStart.plus(Duration.ofDays(day)).plus(Duration.ofHours(7 + 8L * (person % 3)));
                    own.add(new TimeSpan(start, start.plus(Duration.ofHours(8))));
                }
            }
            shifts.put(id, own);
        }
        Instant from = Instant.parse("2026-11-16T21:40:00Z");
        Instant twoWeeksOn = rosterStart.plus(Duration.ofDays(14));

        long started = System.nanoTime();
        ProposedSlot slot = null;
        for (int run = 0; run < 20; run++) {
            slot = finder.find(from, twoWeeksOn, HOUR, everyone, shifts).orElseThrow();
        }
        Duration perRun = Duration.ofNanos((System.nanoTime() - started) / 20);

        System.out.printf("Slot finder, 60 staff, two-week roster, all required: %d µs per run%n", perRun.toNanos() / 1000);
        assertThat(slot.coveredIds()).as("shifts in three rotations never all overlap").hasSizeLessThan(60).isNotEmpty();
        assertThat(perRun).isLessThan(Duration.ofSeconds(1));
    }

    private static TimeSpan shift(String start, String end) {
        return new TimeSpan(Instant.parse(start + ":00Z"), Instant.parse(end + ":00Z"));
    }
}

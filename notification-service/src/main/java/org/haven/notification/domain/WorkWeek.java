package org.haven.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person's recurring working week, asked two questions: are they working at a given moment, and
 * when does their next shift start. A person with no shifts recorded is not shift-bound: every moment
 * counts as working time, so a notice to them is never held back indefinitely.
 */
public record WorkWeek(List<WorkShift> shifts) {

    /** A window of one occurrence of a shift, as instants. */
    record Occurrence(Instant start, Instant end) {
        boolean covers(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    public WorkWeek {
        shifts = List.copyOf(shifts);
    }

    public boolean isShiftBound() {
        return !shifts.isEmpty();
    }

    public boolean isWorking(Instant at) {
        return !isShiftBound() || occurrencesAround(at).stream().anyMatch(o -> o.covers(at));
    }

    /** When the person is off shift at {@code at}: the start of their next shift; empty while they work. */
    public Optional<Instant> offUntil(Instant at) {
        return isWorking(at) ? Optional.empty() : nextStart(at);
    }

    /** The start of the first shift after {@code at}; empty only when no shift is recorded. */
    public Optional<Instant> nextStart(Instant at) {
        return occurrencesAround(at).stream().map(Occurrence::start).filter(start -> start.isAfter(at)).min(Comparator.naturalOrder());
    }

    /** Every occurrence starting from the day before {@code at} to a week after it, in each shift's zone. */
    private List<Occurrence> occurrencesAround(Instant at) {
        List<Occurrence> occurrences = new ArrayList<>();
        for (WorkShift shift : shifts) {
            ZoneId zone = ZoneId.of(shift.timeZone);
            LocalDate today = LocalDate.ofInstant(at, zone);
            for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(8)); day = day.plusDays(1)) {
                if (day.getDayOfWeek() != shift.dayOfWeek) {
                    continue;
                }
                LocalDate endDay = shift.endsAt.isAfter(shift.startsAt) ? day : day.plusDays(1);
                occurrences.add(new Occurrence(ZonedDateTime.of(day, shift.startsAt, zone).toInstant(),
                        ZonedDateTime.of(endDay, shift.endsAt, zone).toInstant()));
            }
        }
        return occurrences;
    }
}

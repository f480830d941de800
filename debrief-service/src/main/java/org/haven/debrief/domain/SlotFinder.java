package org.haven.debrief.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the circle's time inside paid hours: the earliest slot of the minimum length, ending by the
 * deadline, in which every required participant is on shift; failing that, the earliest slot that
 * covers the most of them, with the others named as uncovered — never an off-hours slot unflagged.
 *
 * <p>Who is on shift for a whole slot changes only when the slot's start passes someone's shift start
 * (they join) or its end passes a shift end (they leave). So the best slot on the grid starts at the
 * first grid point at or after {@code from}, or at or after some shift start: those are the only
 * candidates examined, which keeps a two-week roster of a large site cheap.
 */
public final class SlotFinder {

    private final Duration granularity;

    public SlotFinder(Duration granularity) {
        if (granularity.isZero() || granularity.isNegative()) {
            throw new IllegalArgumentException("slot granularity must be positive");
        }
        this.granularity = granularity;
    }

    /**
     * @param from     the earliest start (usually now)
     * @param deadline the slot must end by then
     * @param length   the circle's minimum length
     * @param required the required participants, in the order they should be reported
     * @param shifts   each participant's shifts; someone without an entry is never on shift
     * @return the slot, or empty when not even one slot of that length fits before the deadline
     */
    public Optional<ProposedSlot> find(Instant from, Instant deadline, Duration length, List<String> required,
                                       Map<String, List<TimeSpan>> shifts) {
        Instant latestStart = deadline.minus(length);
        ProposedSlot best = null;
        for (Instant start : candidateStarts(from, latestStart, required, shifts)) {
            ProposedSlot slot = slotAt(start, length, required, shifts);
            if (slot.coversEveryone()) {
                return Optional.of(slot);
            }
            if (best == null || slot.coveredIds().size() > best.coveredIds().size()) {
                best = slot;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Who is on shift for the whole of a given slot. */
    public static ProposedSlot slotAt(Instant start, Duration length, List<String> required,
                                      Map<String, List<TimeSpan>> shifts) {
        Instant end = start.plus(length);
        List<String> covered = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (String person : required) {
            boolean onShift = shifts.getOrDefault(person, List.of()).stream().anyMatch(s -> s.covers(start, end));
            (onShift ? covered : uncovered).add(person);
        }
        return new ProposedSlot(start, end, covered, uncovered);
    }

    private TreeSet<Instant> candidateStarts(Instant from, Instant latestStart, List<String> required,
                                             Map<String, List<TimeSpan>> shifts) {
        TreeSet<Instant> starts = new TreeSet<>();
        Instant first = onGrid(from);
        if (first.isAfter(latestStart)) {
            return starts;
        }
        starts.add(first);
        for (String person : required) {
            for (TimeSpan shift : shifts.getOrDefault(person, List.of())) {
                Instant start = onGrid(shift.start());
                if (start.isAfter(first) && !start.isAfter(latestStart)) {
                    starts.add(start);
                }
            }
        }
        return starts;
    }

    /** The first grid point at or after the instant. */
    private Instant onGrid(Instant instant) {
        long step = granularity.toMillis();
        long millis = instant.toEpochMilli();
        long rounded = Math.floorDiv(millis + step - 1, step) * step;
        return Instant.ofEpochMilli(rounded);
    }
}

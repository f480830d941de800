package org.haven.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A person's working time at one site: a recurring weekly pattern plus dated exceptions, all in wall-clock time of
 * the site's zone (the zone is the site's, never the pattern's own). Part of the event contract because the owner
 * and every projection must read a pattern the same way: one copy of the rule, not one per service.
 *
 * <p>A shift whose end is not after its start ends the next day. {@code LEAVE} takes its stretch of that date off
 * the weekly shifts (start = end means the whole day); {@code EXTRA} adds a shift on that date. A swap is the one
 * person's leave and the other's extra. Local times become instants day by day through {@link ZonedDateTime}, so a
 * 07:00 shift starts at 07:00 local on both sides of a daylight-saving change (a time skipped by a spring-forward
 * gap moves forward by the gap, as {@link ZonedDateTime#of} does).
 */
public record WorkPattern(List<Weekly> weekly, List<Dated> exceptions) {

    public enum Kind { LEAVE, EXTRA }

    public record Weekly(DayOfWeek day, LocalTime start, LocalTime end) {
    }

    public record Dated(LocalDate date, LocalTime start, LocalTime end, Kind kind) {
    }

    /** One stretch of working time, from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Span(Instant start, Instant end) {
        public boolean covers(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    public WorkPattern {
        weekly = Lists.frozen(weekly);
        exceptions = Lists.frozen(exceptions);
    }

    public static WorkPattern none() {
        return new WorkPattern(List.of(), List.of());
    }

    public boolean isEmpty() {
        return weekly.isEmpty() && exceptions.stream().noneMatch(e -> e.kind() == Kind.EXTRA);
    }

    /** The working stretches overlapping {@code from}–{@code to}, in order, with leave taken out. */
    public List<Span> spans(ZoneId zone, Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(to, zone);
        List<Span> working = new ArrayList<>();
        List<Span> leave = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Weekly shift : weekly) {
                if (shift.day() == day.getDayOfWeek()) {
                    working.add(span(zone, day, shift.start(), shift.end()));
                }
            }
        }
        for (Dated exception : exceptions) {
            if (exception.date().isBefore(first) || exception.date().isAfter(last)) {
                continue;
            }
            Span span = span(zone, exception.date(), exception.start(), exception.end());
            (exception.kind() == Kind.EXTRA ? working : leave).add(span);
        }
        List<Span> result = new ArrayList<>();
        for (Span shift : working) {
            for (Span piece : minus(shift, leave)) {
                // A shift inside a spring-forward gap has no length left: it is not working time.
                if (piece.end().isAfter(piece.start()) && piece.end().isAfter(from) && piece.start().isBefore(to)) {
                    result.add(piece);
                }
            }
        }
        result.sort(Comparator.comparing(Span::start).thenComparing(Span::end));
        return result;
    }

    private static Span span(ZoneId zone, LocalDate day, LocalTime start, LocalTime end) {
        LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
        return new Span(ZonedDateTime.of(day, start, zone).toInstant(), ZonedDateTime.of(endDay, end, zone).toInstant());
    }

    private static List<Span> minus(Span shift, List<Span> leave) {
        List<Span> pieces = List.of(shift);
        for (Span off : leave) {
            List<Span> next = new ArrayList<>();
            for (Span piece : pieces) {
                if (!off.end().isAfter(piece.start()) || !off.start().isBefore(piece.end())) {
                    next.add(piece);
                    continue;
                }
                if (off.start().isAfter(piece.start())) {
                    next.add(new Span(piece.start(), off.start()));
                }
                if (off.end().isBefore(piece.end())) {
                    next.add(new Span(off.end(), piece.end()));
                }
            }
            pieces = next;
        }
        return pieces;
    }
}

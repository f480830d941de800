package org.haven.notification.domain;

import org.haven.events.WorkPattern;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A person's working time across their sites, each site's {@link WorkPattern} read in that site's zone, asked two
 * questions: are they working at a given moment, and when does their next stretch of work start. A person with no
 * pattern anywhere is not shift-bound: every moment counts as working time, so a notice to them is never held back
 * indefinitely.
 */
public record WorkWeek(List<AtSite> sites) {

    /** How far ahead the next shift is looked for: a pattern repeats weekly, exceptions may leave a week or two empty. */
    static final int LOOK_AHEAD_DAYS = 28;

    public record AtSite(String siteId, ZoneId zone, WorkPattern pattern) {
    }

    public WorkWeek {
        sites = List.copyOf(sites);
    }

    public boolean isShiftBound() {
        return sites.stream().anyMatch(site -> !site.pattern().isEmpty());
    }

    public boolean isWorking(Instant at) {
        return !isShiftBound() || sites.stream().anyMatch(site ->
                site.pattern().spans(site.zone(), at, at.plusSeconds(1)).stream().anyMatch(span -> span.covers(at)));
    }

    /** When the person is off shift at {@code at}: the start of their next shift; empty while they work. */
    public Optional<Instant> offUntil(Instant at) {
        return isWorking(at) ? Optional.empty() : nextStart(at);
    }

    /** The start of the first stretch of work after {@code at}; empty when none is found in the next four weeks. */
    public Optional<Instant> nextStart(Instant at) {
        Instant horizon = at.plus(LOOK_AHEAD_DAYS, ChronoUnit.DAYS);
        return sites.stream()
                .flatMap(site -> site.pattern().spans(site.zone(), at, horizon).stream())
                .map(WorkPattern.Span::start)
                .filter(start -> start.isAfter(at))
                .min(Instant::compareTo);
    }
}

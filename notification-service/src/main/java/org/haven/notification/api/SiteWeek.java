package org.haven.notification.api;

import org.haven.events.WorkPattern;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.OnCallShift;
import org.haven.notification.domain.Site;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Seven days of a site as the console's week view shows them, all in the site's zone: who works when (the recurring
 * pattern with its dated exceptions applied, day by day through the zone's rules, so DST shows as it falls) and
 * who is on call.
 */
final class SiteWeek {

    private SiteWeek() {
    }

    static DirectoryViews.WeekView of(Directory directory, Site site, LocalDate from) {
        ZoneId zone = site.zone();
        Map<String, String> names = directory.people().stream().collect(Collectors.toMap(p -> p.id, p -> p.displayName));
        Map<String, WorkPattern> patterns = directory.workingAt(site.id).stream()
                .collect(Collectors.toMap(Function.identity(), id -> directory.patterns(id).getOrDefault(site.id, WorkPattern.none())));
        List<DirectoryViews.DayView> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = from.plusDays(i);
            ZonedDateTime start = date.atStartOfDay(zone);
            ZonedDateTime end = date.plusDays(1).atStartOfDay(zone);
            List<DirectoryViews.WorkView> working = new ArrayList<>();
            patterns.forEach((personId, pattern) -> pattern.spans(zone, start.toInstant(), end.toInstant()).forEach(span -> {
                if (!span.start().atZone(zone).toLocalDate().isBefore(date)) {
                    working.add(new DirectoryViews.WorkView(personId, names.getOrDefault(personId, personId),
                            span.start().atZone(zone).toLocalTime(), span.end().atZone(zone).toLocalTime()));
                }
            }));
            working.sort(java.util.Comparator.comparing(DirectoryViews.WorkView::start).thenComparing(DirectoryViews.WorkView::personId));
            List<DirectoryViews.OnCallSlot> onCall = directory.shiftsBetween(site.id, start.toInstant(), end.toInstant()).stream()
                    .map(s -> slot(s, zone, names)).toList();
            days.add(new DirectoryViews.DayView(date, date.getDayOfWeek(), working, onCall));
        }
        return new DirectoryViews.WeekView(site.id, site.timeZone, from, days);
    }

    private static DirectoryViews.OnCallSlot slot(OnCallShift shift, ZoneId zone, Map<String, String> names) {
        return new DirectoryViews.OnCallSlot(shift.id, shift.personId, names.getOrDefault(shift.personId, shift.personId),
                shift.startsAt.atZone(zone).toLocalDateTime(), shift.endsAt.atZone(zone).toLocalDateTime());
    }

}

package org.haven.wellness;

import org.haven.events.IncidentReported;
import org.haven.testing.AdjustableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.haven.wellness.ReportedIncidents.awaitFollowUps;
import static org.haven.wellness.ReportedIncidents.critical;
import static org.haven.wellness.ReportedIncidents.send;
import static org.haven.wellness.ReportedIncidents.unique;

/**
 * A new site whose five staff were all exposed to one critical incident in May 2025 — the smallest team whose
 * check-in figures a director may see. June is the first time May can be shown (a month must be over).
 */
record TeamOfFive(String site, List<String> staff, IncidentReported incident, String director) {

    static final Instant IN_MAY = Instant.parse("2025-05-10T09:00:00Z");
    static final Instant LATER_IN_MAY = Instant.parse("2025-05-28T09:00:00Z");
    static final Instant IN_JUNE = Instant.parse("2025-06-03T09:00:00Z");

    /** Pins the clock in May, reports the incident and waits for its 15 follow-ups (three per person). */
    static TeamOfFive exposedInMay(AdjustableClock clock) {
        clock.pin(IN_MAY);
        String site = unique("site");
        List<String> staff = List.of(unique("p1"), unique("p2"), unique("p3"), unique("p4"), unique("p5"));
        IncidentReported incident = critical(site, IN_MAY.minus(Duration.ofHours(2)), staff.get(0), staff.subList(1, 5), List.of());
        send(incident);
        awaitFollowUps(incident, 15);
        return new TeamOfFive(site, staff, incident, DirectoryTokens.director("dir-1", site));
    }

    /** Strain scores 2, 4, 6 and 8 from the first four people: one short of what may be shown. */
    void firstFourCheckIn() {
        for (int i = 0; i < 4; i++) {
            CheckIns.checkIn72h(incident, staff.get(i), i + 1, i + 1, false);
        }
    }
}

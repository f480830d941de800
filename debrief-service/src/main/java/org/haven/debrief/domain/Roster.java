package org.haven.debrief.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who supervises a site, who may facilitate there, and who is on shift there when. */
@ApplicationScoped
public class Roster {

    public Optional<String> supervisorOf(String siteId) {
        return SiteSupervisor.<SiteSupervisor>findByIdOptional(siteId).map(s -> s.supervisorId);
    }

    /** The site's trained facilitators, in a stable order. */
    public List<String> facilitatorsOf(String siteId) {
        return Facilitator.<Facilitator>find("siteId", Sort.ascending("staffId"), siteId).stream().map(f -> f.staffId).toList();
    }

    /** The shifts at the site that overlap {@code from}–{@code to}, per staff member. */
    public Map<String, List<TimeSpan>> shiftsAt(String siteId, Collection<String> staffIds, Instant from, Instant to) {
        Map<String, List<TimeSpan>> shifts = new HashMap<>();
        if (staffIds.isEmpty()) {
            return shifts;
        }
        Shift.<Shift>find("siteId = ?1 and staffId in ?2 and endsAt > ?3 and startsAt < ?4", Sort.ascending("startsAt"),
                        siteId, staffIds, from, to)
                .stream()
                .forEach(s -> shifts.computeIfAbsent(s.staffId, id -> new ArrayList<>()).add(s.span()));
        return shifts;
    }

    /**
     * Facilitators' shifts overlapping {@code from}–{@code to} at any site: a facilitator on shift anywhere in
     * the program can come to the house.
     */
    public Map<String, List<TimeSpan>> shiftsAnywhere(Collection<String> staffIds, Instant from, Instant to) {
        Map<String, List<TimeSpan>> shifts = new HashMap<>();
        if (staffIds.isEmpty()) {
            return shifts;
        }
        Shift.<Shift>find("staffId in ?1 and endsAt > ?2 and startsAt < ?3", Sort.ascending("startsAt"), staffIds, from, to)
                .stream()
                .forEach(s -> shifts.computeIfAbsent(s.staffId, id -> new ArrayList<>()).add(s.span()));
        return shifts;
    }
}

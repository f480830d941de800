package org.haven.debrief.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the facilitator and the slot together: a trained facilitator of the site who was not involved
 * (someone involved only when no one else is trained there), and among those the one with whom the
 * circle can meet earliest with everyone on shift — or, failing that, with the most people on shift.
 */
@ApplicationScoped
public class CirclePlanner {

    private final Roster roster;
    private final SlotFinder finder;

    CirclePlanner(Roster roster, DebriefPolicy policy) {
        this.roster = roster;
        this.finder = new SlotFinder(policy.slotGranularity());
    }

    public CirclePlan plan(String siteId, Instant from, Instant deadline, Duration length, List<String> required,
                           Collection<String> involved) {
        List<String> trained = roster.facilitatorsOf(siteId);
        List<String> uninvolved = trained.stream().filter(f -> !involved.contains(f)).toList();
        List<String> candidates = uninvolved.isEmpty() ? trained : uninvolved;
        Map<String, List<TimeSpan>> shifts = shiftsOf(siteId, required, candidates, from, deadline);
        if (candidates.isEmpty()) {
            return new CirclePlan(null, finder.find(from, deadline, length, required, shifts));
        }
        CirclePlan best = null;
        for (String facilitator : candidates) {
            CirclePlan plan = new CirclePlan(facilitator,
                    finder.find(from, deadline, length, withFacilitator(required, facilitator), shifts));
            if (best == null || better(plan, best)) {
                best = plan;
            }
        }
        return best;
    }

    /** Who of the required people and the facilitator would be on shift in a given slot. */
    public ProposedSlot coverageOf(String siteId, Instant startsAt, Instant endsAt, List<String> required, String facilitatorId) {
        List<String> people = facilitatorId == null ? required : withFacilitator(required, facilitatorId);
        List<String> facilitators = facilitatorId == null ? List.of() : List.of(facilitatorId);
        return SlotFinder.slotAt(startsAt, Duration.between(startsAt, endsAt), people,
                shiftsOf(siteId, required, facilitators, startsAt, endsAt));
    }

    /** Participants count as on shift at the site; an uninvolved facilitator, on shift anywhere. */
    private Map<String, List<TimeSpan>> shiftsOf(String siteId, List<String> required, List<String> facilitators,
                                                 Instant from, Instant to) {
        Map<String, List<TimeSpan>> shifts = new HashMap<>(roster.shiftsAt(siteId, required, from, to));
        List<String> visiting = facilitators.stream().filter(f -> !required.contains(f)).toList();
        shifts.putAll(roster.shiftsAnywhere(visiting, from, to));
        return shifts;
    }

    private static List<String> withFacilitator(List<String> required, String facilitator) {
        if (required.contains(facilitator)) {
            return required;
        }
        List<String> people = new ArrayList<>(required);
        people.add(facilitator);
        return people;
    }

    private static boolean better(CirclePlan candidate, CirclePlan best) {
        Optional<ProposedSlot> a = candidate.slot();
        Optional<ProposedSlot> b = best.slot();
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent();
        }
        if (a.get().coversEveryone() != b.get().coversEveryone()) {
            return a.get().coversEveryone();
        }
        if (!a.get().coversEveryone() && a.get().coveredIds().size() != b.get().coveredIds().size()) {
            return a.get().coveredIds().size() > b.get().coveredIds().size();
        }
        return a.get().startsAt().isBefore(b.get().startsAt());
    }
}

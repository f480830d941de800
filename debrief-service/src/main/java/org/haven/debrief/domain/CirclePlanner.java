package org.haven.debrief.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        List<String> candidates = candidates(siteId, involved);
        return best(from, deadline, length, required, candidates, shiftsOf(siteId, required, candidates, from, deadline));
    }

    /**
     * A fresh plan as {@link #plan} makes it, and who would be on shift in the slot already announced (with its
     * facilitator), from one read of the roster.
     */
    public Replan replan(String siteId, Instant from, Instant deadline, Duration length, List<String> required,
                         Collection<String> involved, TimeSpan announced, String announcedFacilitatorId) {
        List<String> candidates = candidates(siteId, involved);
        List<String> facilitators = new ArrayList<>(candidates);
        if (announcedFacilitatorId != null && !facilitators.contains(announcedFacilitatorId)) {
            facilitators.add(announcedFacilitatorId);
        }
        Instant readFrom = announced.start().isBefore(from) ? announced.start() : from;
        Instant readTo = announced.end().isAfter(deadline) ? announced.end() : deadline;
        Map<String, List<TimeSpan>> shifts = shiftsOf(siteId, required, facilitators, readFrom, readTo);
        return new Replan(best(from, deadline, length, required, candidates, shifts),
                coverage(announced.start(), announced.end(), required, announcedFacilitatorId, shifts));
    }

    /** Who of the required people and the facilitator would be on shift in a given slot. */
    public ProposedSlot coverageOf(String siteId, Instant startsAt, Instant endsAt, List<String> required, String facilitatorId) {
        List<String> facilitators = facilitatorId == null ? List.of() : List.of(facilitatorId);
        return coverage(startsAt, endsAt, required, facilitatorId, shiftsOf(siteId, required, facilitators, startsAt, endsAt));
    }

    /** A plan, and who is on shift in the slot the circle was announced for. */
    public record Replan(CirclePlan proposed, ProposedSlot announced) {
    }

    /** Trained facilitators of the site who were not involved; the involved ones only when no one else is trained. */
    private List<String> candidates(String siteId, Collection<String> involved) {
        List<String> trained = roster.facilitatorsOf(siteId);
        List<String> uninvolved = trained.stream().filter(f -> !involved.contains(f)).toList();
        return uninvolved.isEmpty() ? trained : uninvolved;
    }

    private CirclePlan best(Instant from, Instant deadline, Duration length, List<String> required, List<String> candidates,
                            Map<String, List<TimeSpan>> shifts) {
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

    private static ProposedSlot coverage(Instant startsAt, Instant endsAt, List<String> required, String facilitatorId,
                                         Map<String, List<TimeSpan>> shifts) {
        List<String> people = facilitatorId == null ? required : withFacilitator(required, facilitatorId);
        return SlotFinder.slotAt(startsAt, Duration.between(startsAt, endsAt), people, shifts);
    }

    /**
     * Participants count as on shift at the site; an uninvolved facilitator, on shift anywhere. One query, however
     * many people.
     */
    private Map<String, List<TimeSpan>> shiftsOf(String siteId, List<String> required, List<String> facilitators,
                                                 Instant from, Instant to) {
        List<String> visiting = facilitators.stream().filter(f -> !required.contains(f)).toList();
        return roster.shiftsOf(siteId, required, visiting, from, to);
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

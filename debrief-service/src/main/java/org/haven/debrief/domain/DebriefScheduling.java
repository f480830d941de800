package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.debrief.messaging.DebriefEvents;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Gives every critical incident its debrief, in one transaction with the event that announces it: a new
 * circle, or — for a further incident of the same team at the same site before the circle is held —
 * a place in the circle already planned.
 */
@ApplicationScoped
public class DebriefScheduling {

    private static final Logger LOG = Logger.getLogger(DebriefScheduling.class);

    private final DebriefPolicy policy;
    private final Roster roster;
    private final CirclePlanner planner;
    private final DebriefEvents events;
    private final Clock clock;

    DebriefScheduling(DebriefPolicy policy, Roster roster, CirclePlanner planner, DebriefEvents events, Clock clock) {
        this.policy = policy;
        this.roster = roster;
        this.planner = planner;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The incident's debrief: scheduled now, joined, or the one it already has. Incidents of one site are
     * scheduled one at a time (a transaction-scoped advisory lock), so two replicas cannot open two circles
     * for one team; the unique incident id in the database settles any other race.
     */
    @Transactional
    public Debrief schedule(CriticalIncident incident) {
        Optional<Debrief> existing = Debrief.forIncident(incident.incidentId());
        if (existing.isPresent()) {
            return existing.get();
        }
        lockSite(incident.siteId());
        return Debrief.forIncident(incident.incidentId())
                .or(() -> upcomingDebriefOfTeam(incident).map(debrief -> join(debrief, incident)))
                .orElseGet(() -> open(incident));
    }

    private Debrief open(CriticalIncident incident) {
        Debrief debrief = new Debrief();
        debrief.id = UUID.randomUUID();
        debrief.incidentId = incident.incidentId();
        debrief.siteId = incident.siteId();
        debrief.incidentType = incident.incidentType();
        debrief.status = DebriefStatus.SCHEDULED;
        debrief.reportedAt = incident.reportedAt();
        debrief.createdAt = clock.instant();
        debrief.deadline = policy.deadline(incident.incidentType(), incident.reportedAt());
        debrief.calendarUid = debrief.id + "@haven";
        debrief.incidents.add(new JoinedIncident(incident.incidentId(), incident.incidentType(), incident.reportedAt()));
        addParticipants(debrief, incident);
        plan(debrief, Optional.empty());
        debrief.persist();
        events.scheduled(debrief);
        return debrief;
    }

    private Debrief join(Debrief debrief, CriticalIncident incident) {
        debrief.incidents.add(new JoinedIncident(incident.incidentId(), incident.incidentType(), incident.reportedAt()));
        addParticipants(debrief, incident);
        Instant deadline = policy.deadline(incident.incidentType(), incident.reportedAt());
        if (deadline.isBefore(debrief.deadline)) {
            debrief.deadline = deadline;
        }
        Optional<ProposedSlot> current = debrief.startsAt == null ? Optional.empty()
                : Optional.of(planner.coverageOf(debrief.siteId, debrief.startsAt, debrief.endsAt, debrief.requiredIds(),
                debrief.facilitatorId));
        plan(debrief, current.filter(slot -> slot.endsBy(debrief.deadline)));
        debrief.status = DebriefStatus.RESCHEDULED;
        debrief.sequence++;
        events.rescheduled(debrief, "Another critical incident of the same team joined this debrief");
        return debrief;
    }

    /** Moves an upcoming debrief to a new slot: the one given, or the best one the roster offers now. */
    @Transactional
    public Debrief reschedule(Debrief debrief, Optional<Instant> startsAt, String reason) {
        requireUpcoming(debrief);
        if (startsAt.isPresent()) {
            Instant start = startsAt.get();
            Instant end = start.plus(minimumLength(debrief));
            debrief.placeIn(planner.coverageOf(debrief.siteId, start, end, debrief.requiredIds(), debrief.facilitatorId));
        } else {
            debrief.startsAt = null;
            plan(debrief, Optional.empty());
        }
        debrief.status = DebriefStatus.RESCHEDULED;
        debrief.sequence++;
        events.rescheduled(debrief, reason);
        return debrief;
    }

    /** Withdraws an upcoming debrief (an incident recorded in error) and its invite. */
    @Transactional
    public Debrief cancel(Debrief debrief, String reason) {
        requireUpcoming(debrief);
        debrief.status = DebriefStatus.CANCELLED;
        debrief.sequence++;
        events.cancelled(debrief, reason);
        return debrief;
    }

    /**
     * Plans facilitator and slot from now, keeping {@code keep} — the slot already announced — unless the
     * new plan puts more people on shift.
     */
    private void plan(Debrief debrief, Optional<ProposedSlot> keep) {
        Instant from = later(clock.instant(), debrief.reportedAt);
        CirclePlan plan = planner.plan(debrief.siteId, from, debrief.deadline, minimumLength(debrief), debrief.requiredIds(),
                Set.copyOf(debrief.participantIds()));
        boolean facilitatorStays = debrief.facilitatorId == null
                ? plan.facilitatorId() == null
                : !debrief.participantIds().contains(debrief.facilitatorId);
        if (keep.isPresent() && facilitatorStays && !worse(keep.get(), plan.slot())) {
            debrief.placeIn(keep.get());
            return;
        }
        debrief.facilitatorId = plan.facilitatorId();
        debrief.placeIn(plan.slot().orElse(null));
        if (plan.facilitatorId() == null) {
            LOG.warnf("Site %s has no trained facilitator on the roster; debrief %s has none", debrief.siteId, debrief.id);
        }
    }

    private static boolean worse(ProposedSlot kept, Optional<ProposedSlot> proposed) {
        return proposed.isPresent() && proposed.get().coveredIds().size() > kept.coveredIds().size();
    }

    private Duration minimumLength(Debrief debrief) {
        return debrief.incidents.stream().map(i -> policy.minimumLength(i.incidentType())).max(Duration::compareTo)
                .orElse(policy.minimumLength(debrief.incidentType));
    }

    private void addParticipants(Debrief debrief, CriticalIncident incident) {
        Set<ParticipantRole> required = policy.requiredAttendees(incident.incidentType());
        List<Participant> invited = new ArrayList<>(incident.participants(required));
        roster.supervisorOf(incident.siteId()).ifPresentOrElse(
                supervisor -> invited.add(Participant.invited(supervisor, ParticipantRole.SUPERVISOR,
                        required.contains(ParticipantRole.SUPERVISOR))),
                () -> LOG.warnf("Site %s has no supervisor on the roster", incident.siteId()));
        for (Participant person : invited) {
            int at = debrief.participantIds().indexOf(person.staffId());
            if (at < 0) {
                debrief.participants.add(person);
            } else if (person.required() && !debrief.participants.get(at).required()) {
                Participant was = debrief.participants.get(at);
                debrief.participants.set(at, new Participant(was.staffId(), was.role(), true, was.onShift(), was.attended()));
            }
        }
    }

    /** An upcoming debrief at the incident's site, opened within the cluster window, that shares someone with it. */
    private Optional<Debrief> upcomingDebriefOfTeam(CriticalIncident incident) {
        List<String> team = incident.participants(Set.of()).stream().map(Participant::staffId).toList();
        return Debrief.<Debrief>find("""
                        select distinct d from Debrief d join d.participants p
                        where d.siteId = ?1 and d.status in ?2 and d.reportedAt >= ?3 and d.reportedAt <= ?4
                          and p.staffId in ?5 and p.role <> ?6
                        order by d.reportedAt""",
                incident.siteId(), DebriefStatus.UPCOMING, incident.reportedAt().minus(policy.clusterWindow()),
                incident.reportedAt().plus(policy.clusterWindow()), team, ParticipantRole.SUPERVISOR).firstResultOptional();
    }

    private static void requireUpcoming(Debrief debrief) {
        if (!debrief.status.isUpcoming()) {
            throw new DebriefStateException("Debrief " + debrief.id + " is " + debrief.status.name().toLowerCase()
                    + " and can no longer be moved");
        }
    }

    private static void lockSite(String siteId) {
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "debrief-site:" + siteId).getSingleResult();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

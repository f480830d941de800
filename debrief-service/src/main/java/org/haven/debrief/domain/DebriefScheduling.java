package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.debrief.messaging.DebriefEvents;
import org.hibernate.query.NativeQuery;
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
 * circle, or — for a further incident of the same team at the same site before the circle is held, while the
 * circle has room under the policy's limit — a place in the circle already planned.
 */
@ApplicationScoped
public class DebriefScheduling {

    private static final Logger LOG = Logger.getLogger(DebriefScheduling.class);

    /*
     * Native SQL so the team travels as one array parameter: Hibernate translates a query with an IN-list
     * parameter afresh on every call. The statuses are DebriefStatus.UPCOMING as stored (EnumType.STRING),
     * written out so PostgreSQL can use the partial index debrief_upcoming_site.
     */
    private static final String CIRCLE_OF_TEAM_WITH_ROOM = """
            SELECT d.* FROM debrief d
            WHERE d.site_id = ?1 AND d.status IN ('SCHEDULED', 'RESCHEDULED')
              AND d.reported_at >= ?2 AND d.reported_at <= ?3
              AND EXISTS (SELECT 1 FROM debrief_participant p
                          WHERE p.debrief_id = d.id AND p.staff_id = ANY(?4) AND p.role <> 'SUPERVISOR')
              AND (SELECT count(*) FROM debrief_incident i WHERE i.debrief_id = d.id) < ?5
            ORDER BY d.reported_at, d.id
            LIMIT 1""";

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
     * scheduled one at a time (a transaction-scoped advisory lock, taken before anything is read), so two
     * replicas cannot open two circles for one team and the one look-up for the incident sees every debrief
     * committed before; the unique incident id in the database settles any other race.
     */
    @Transactional
    public Debrief schedule(CriticalIncident incident) {
        lockSite(incident.siteId());
        return Debrief.forIncident(incident.incidentId())
                .or(() -> circleOfTeamWithRoom(incident).map(debrief -> join(debrief, incident)))
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
        plan(debrief);
        debrief.persist();
        events.scheduled(debrief);
        return debrief;
    }

    /**
     * Adds the incident to the circle and announces it. The circle is planned again only when the incident can
     * change the plan — someone new to invite (or newly required), an earlier deadline, a longer minimum length;
     * otherwise the slot, the facilitator and who is on shift stay as they are.
     */
    private Debrief join(Debrief debrief, CriticalIncident incident) {
        Duration lengthBefore = minimumLength(debrief);
        debrief.incidents.add(new JoinedIncident(incident.incidentId(), incident.incidentType(), incident.reportedAt()));
        boolean newPeople = addParticipants(debrief, incident);
        Instant deadline = policy.deadline(incident.incidentType(), incident.reportedAt());
        boolean earlierDeadline = deadline.isBefore(debrief.deadline);
        if (earlierDeadline) {
            debrief.deadline = deadline;
        }
        boolean longer = minimumLength(debrief).compareTo(lengthBefore) > 0;
        if (newPeople || earlierDeadline || longer) {
            replan(debrief);
        }
        debrief.status = DebriefStatus.RESCHEDULED;
        debrief.sequence++;
        debrief.changeReason = "Another critical incident of the same team joined this debrief";
        events.rescheduled(debrief);
        return debrief;
    }

    /**
     * Invites people an amendment added to the incident: to its circle while the circle is upcoming (planned again and
     * announced with a new sequence, so everyone's invite is updated and the new people get theirs), or, when the circle
     * was already held, a make-up conversation each. Someone already invited or already owed one is left as they are, so
     * the same amendment applied twice changes nothing. An incident with no debrief (not critical) or a cancelled one
     * invites no one.
     */
    @Transactional
    public Optional<Debrief> invite(AddedPeople added) {
        Optional<Debrief> found = Debrief.forIncident(added.incidentId());
        if (found.isEmpty() || added.isEmpty()) {
            return found;
        }
        lockSite(found.get().siteId);
        Debrief debrief = found.get();
        String incidentType = debrief.incidents.stream().filter(i -> i.incidentId().equals(added.incidentId()))
                .map(JoinedIncident::incidentType).findFirst().orElse(debrief.incidentType);
        Set<ParticipantRole> required = policy.requiredAttendees(incidentType);
        if (debrief.status.isUpcoming()) {
            boolean changed = false;
            for (var person : added.roles().entrySet()) {
                Participant invited = Participant.invited(person.getKey(), person.getValue(), required.contains(person.getValue()));
                int at = debrief.participantIds().indexOf(invited.staffId());
                if (at < 0) {
                    debrief.participants.add(invited);
                    changed = true;
                } else if (invited.required() && !debrief.participants.get(at).required()) {
                    Participant was = debrief.participants.get(at);
                    debrief.participants.set(at, new Participant(was.staffId(), was.role(), true, was.onShift(), was.attended()));
                    changed = true;
                }
            }
            if (changed) {
                replan(debrief);
                debrief.status = DebriefStatus.RESCHEDULED;
                debrief.sequence++;
                debrief.changeReason = "People who were there were added to the incident";
                events.rescheduled(debrief);
            }
        } else if (debrief.status == DebriefStatus.HELD || debrief.status == DebriefStatus.CLOSED) {
            Set<String> owed = new java.util.HashSet<>(MakeUpConversation.of(debrief.id).stream().map(m -> m.staffId).toList());
            Instant now = clock.instant();
            for (String staffId : added.roles().keySet()) {
                if (!debrief.participantIds().contains(staffId) && owed.add(staffId)) {
                    MakeUpConversation.owedTo(debrief.id, staffId, now).persist();
                }
            }
        }
        return Optional.of(debrief);
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
            plan(debrief);
        }
        debrief.status = DebriefStatus.RESCHEDULED;
        debrief.sequence++;
        debrief.changeReason = reason;
        events.rescheduled(debrief);
        return debrief;
    }

    /** Withdraws an upcoming debrief (an incident recorded in error) and its invite. */
    @Transactional
    public Debrief cancel(Debrief debrief, String reason) {
        requireUpcoming(debrief);
        debrief.status = DebriefStatus.CANCELLED;
        debrief.sequence++;
        debrief.changeReason = reason;
        events.cancelled(debrief);
        return debrief;
    }

    /** Plans facilitator and slot from now. */
    private void plan(Debrief debrief) {
        place(debrief, planner.plan(debrief.siteId, planFrom(debrief), debrief.deadline, minimumLength(debrief),
                debrief.requiredIds(), Set.copyOf(debrief.participantIds())), Optional.empty());
    }

    /**
     * Plans facilitator and slot from now, keeping the slot already announced if it still ends by the deadline,
     * unless the new plan puts more people on shift.
     */
    private void replan(Debrief debrief) {
        if (debrief.startsAt == null) {
            plan(debrief);
            return;
        }
        CirclePlanner.Replan replan = planner.replan(debrief.siteId, planFrom(debrief), debrief.deadline, minimumLength(debrief),
                debrief.requiredIds(), Set.copyOf(debrief.participantIds()), new TimeSpan(debrief.startsAt, debrief.endsAt),
                debrief.facilitatorId);
        place(debrief, replan.proposed(), Optional.of(replan.announced()).filter(slot -> slot.endsBy(debrief.deadline)));
    }

    private Instant planFrom(Debrief debrief) {
        return later(clock.instant(), debrief.reportedAt);
    }

    /** Takes the plan, or keeps {@code keep} (and the facilitator) when the plan is no better. */
    private void place(Debrief debrief, CirclePlan plan, Optional<ProposedSlot> keep) {
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

    /** Invites the incident's people and the site supervisor; whether anyone was new or is newly required. */
    private boolean addParticipants(Debrief debrief, CriticalIncident incident) {
        Set<ParticipantRole> required = policy.requiredAttendees(incident.incidentType());
        List<Participant> invited = new ArrayList<>(incident.participants(required));
        roster.supervisorOf(incident.siteId()).ifPresentOrElse(
                supervisor -> invited.add(Participant.invited(supervisor, ParticipantRole.SUPERVISOR,
                        required.contains(ParticipantRole.SUPERVISOR))),
                () -> LOG.warnf("Site %s has no supervisor on the roster", incident.siteId()));
        List<String> ids = new ArrayList<>(debrief.participantIds());
        boolean changed = false;
        for (Participant person : invited) {
            int at = ids.indexOf(person.staffId());
            if (at < 0) {
                debrief.participants.add(person);
                ids.add(person.staffId());
                changed = true;
            } else if (person.required() && !debrief.participants.get(at).required()) {
                Participant was = debrief.participants.get(at);
                debrief.participants.set(at, new Participant(was.staffId(), was.role(), true, was.onShift(), was.attended()));
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The earliest upcoming debrief at the incident's site, opened within the cluster window, that shares someone
     * (other than the supervisor) with it and holds fewer incidents than the policy allows in one circle.
     */
    private Optional<Debrief> circleOfTeamWithRoom(CriticalIncident incident) {
        String[] team = incident.participants(Set.of()).stream().map(Participant::staffId).toArray(String[]::new);
        @SuppressWarnings("unchecked")
        List<Debrief> found = Panache.getEntityManager().createNativeQuery(CIRCLE_OF_TEAM_WITH_ROOM, Debrief.class)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Debrief.class)
                .setParameter(1, incident.siteId())
                .setParameter(2, incident.reportedAt().minus(policy.clusterWindow()))
                .setParameter(3, incident.reportedAt().plus(policy.clusterWindow()))
                .setParameter(4, team)
                .setParameter(5, policy.maxIncidentsPerCircle())
                .getResultList();
        return found.stream().findFirst();
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

package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.events.IncidentAmended;
import org.haven.events.IncidentReported;
import org.haven.wellness.messaging.FollowUpEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Responds to a critical incident: records each exposed person's exposure and opens their follow-ups,
 * announcing each follow-up in the same transaction. What already exists for the incident is left as it
 * is, so the same incident arriving again (under any event id) changes nothing.
 *
 * <p>One query finds, for everyone exposed, their dose so far and whether they are already exposed to this
 * incident. Follow-ups are looked up only when someone is: they are opened only together with, or after, the
 * person's exposure to the incident (and neither is ever deleted), so without an exposure there is none.
 */
@ApplicationScoped
public class FollowUpOpening {

    private static final String OPENED = "select f.staffId, f.kind from FollowUp f where f.incidentId = :incidentId";
    private static final String DUE_PER_KIND =
            "select f.kind, min(f.dueAt) from FollowUp f where f.incidentId = :incidentId group by f.kind";

    private final FollowUpCadence cadence;
    private final FollowUpEvents events;
    private final ExposureWindow window;
    private final ExposureThreshold threshold;
    private final EntityManager entityManager;
    private final Clock clock;

    FollowUpOpening(FollowUpCadence cadence, FollowUpEvents events, ExposureWindow window, ExposureThreshold threshold,
                    EntityManager entityManager, Clock clock) {
        this.cadence = cadence;
        this.events = events;
        this.window = window;
        this.threshold = threshold;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void openFor(IncidentReported incident) {
        if (!incident.critical()) {
            return;
        }
        requireFollowable(incident);
        Instant now = clock.instant();
        Map<FollowUpKind, Instant> dueTimes = cadence.dueTimes(incident.reportedAt());
        Set<String> staff = ExposedStaff.of(incident.reporterId(), incident.involvedStaffIds(), incident.witnessIds());
        ExposureWindow.PriorExposures prior = window.before(incident.incidentId(), staff, now);
        Set<String> opened = prior.anyoneExposedToIncident() ? opened(incident.incidentId()) : new HashSet<>();

        // Exposures first, then follow-ups: rows of one table follow each other, so they go in as one batch.
        for (String staffId : staff) {
            if (!prior.isExposedToIncident(staffId)) {
                Exposure exposure = Exposure.of(staffId, incident.incidentId(), incident.siteId(), incident.occurredAt(), now);
                exposure.persist();
                threshold.afterRecording(exposure, prior.doseOf(staffId));
            }
        }
        for (String staffId : staff) {
            dueTimes.forEach((kind, dueAt) -> {
                if (opened.add(staffId + "/" + kind)) {
                    FollowUp followUp = FollowUp.open(incident.incidentId(), incident.siteId(), staffId, kind, dueAt, now);
                    followUp.persist();
                    events.opened(followUp);
                }
            });
        }
    }

    /**
     * Opens follow-ups for the people an amendment added to an incident. Only a critical incident has exposures here, so
     * they are how this service knows the incident (its site and when it happened); a non-critical one opens nothing.
     * Each added person's follow-ups fall due when everyone else's of the incident do, or now where that time has
     * passed: they were exposed as much, and only named later. Anyone already exposed and followed up is left as they
     * are, so the same amendment applied again, under any event id, opens nothing twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openForAdded(IncidentAmended amended) {
        Set<String> staff = ExposedStaff.of(null, amended.addedInvolvedStaffIds(), amended.addedWitnessIds());
        if (amended.incidentId() == null || staff.isEmpty()) {
            return;
        }
        Exposure known = Exposure.<Exposure>find("incidentId", amended.incidentId()).firstResult();
        if (known == null) {
            return;
        }
        Instant now = clock.instant();
        Map<FollowUpKind, Instant> dueTimes = new EnumMap<>(FollowUpKind.class);
        entityManager.createQuery(DUE_PER_KIND, Object[].class).setParameter("incidentId", amended.incidentId())
                .getResultStream().forEach(row -> dueTimes.put((FollowUpKind) row[0], (Instant) row[1]));
        if (dueTimes.isEmpty()) {
            dueTimes.putAll(cadence.dueTimes(now));
        }
        ExposureWindow.PriorExposures prior = window.before(amended.incidentId(), staff, now);
        Set<String> opened = opened(amended.incidentId());
        for (String staffId : staff) {
            if (!prior.isExposedToIncident(staffId)) {
                Exposure exposure = Exposure.of(staffId, amended.incidentId(), known.siteId, known.occurredAt, now);
                exposure.persist();
                threshold.afterRecording(exposure, prior.doseOf(staffId));
            }
        }
        for (String staffId : staff) {
            dueTimes.forEach((kind, dueAt) -> {
                if (opened.add(staffId + "/" + kind)) {
                    FollowUp followUp = FollowUp.open(amended.incidentId(), known.siteId, staffId, kind,
                            dueAt.isBefore(now) ? now : dueAt, now);
                    followUp.persist();
                    events.opened(followUp);
                }
            });
        }
    }

    private Set<String> opened(UUID incidentId) {
        return entityManager.createQuery(OPENED, Object[].class)
                .setParameter("incidentId", incidentId)
                .getResultStream()
                .map(row -> row[0] + "/" + row[1])
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Without these, nothing can be opened however often the event is retried. */
    private static void requireFollowable(IncidentReported incident) {
        if (incident.incidentId() == null || incident.siteId() == null || incident.reportedAt() == null
                || incident.occurredAt() == null) {
            throw new IllegalArgumentException("critical incident event lacks incidentId, siteId, occurredAt or reportedAt");
        }
    }
}

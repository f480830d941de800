package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.events.IncidentReported;
import org.haven.wellness.messaging.FollowUpEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Responds to a critical incident: records each exposed person's exposure and opens their follow-ups,
 * announcing each follow-up in the same transaction. What already exists for the incident is left as it
 * is, so the same incident arriving again (under any event id) changes nothing.
 */
@ApplicationScoped
public class FollowUpOpening {

    private final FollowUpCadence cadence;
    private final FollowUpEvents events;
    private final ExposureThreshold threshold;
    private final Clock clock;

    FollowUpOpening(FollowUpCadence cadence, FollowUpEvents events, ExposureThreshold threshold, Clock clock) {
        this.cadence = cadence;
        this.events = events;
        this.threshold = threshold;
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
        Set<String> exposed = Exposure.<Exposure>list("incidentId", incident.incidentId()).stream()
                .map(exposure -> exposure.staffId)
                .collect(Collectors.toCollection(HashSet::new));
        Set<String> opened = FollowUp.<FollowUp>list("incidentId", incident.incidentId()).stream()
                .map(followUp -> followUp.staffId + "/" + followUp.kind)
                .collect(Collectors.toCollection(HashSet::new));

        for (String staffId : ExposedStaff.of(incident.reporterId(), incident.involvedStaffIds(), incident.witnessIds())) {
            if (exposed.add(staffId)) {
                Exposure exposure = Exposure.of(staffId, incident.incidentId(), incident.siteId(), incident.occurredAt(), now);
                exposure.persist();
                threshold.afterRecording(exposure);
            }
            dueTimes.forEach((kind, dueAt) -> {
                if (opened.add(staffId + "/" + kind)) {
                    FollowUp followUp = FollowUp.open(incident.incidentId(), incident.siteId(), staffId, kind, dueAt, now);
                    followUp.persist();
                    events.opened(followUp);
                }
            });
        }
    }

    /** Without these, nothing can be opened however often the event is retried. */
    private static void requireFollowable(IncidentReported incident) {
        if (incident.incidentId() == null || incident.siteId() == null || incident.reportedAt() == null
                || incident.occurredAt() == null) {
            throw new IllegalArgumentException("critical incident event lacks incidentId, siteId, occurredAt or reportedAt");
        }
    }
}

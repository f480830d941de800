package org.haven.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A correction was appended to a submitted report (reports themselves are never edited). No narrative: only who the
 * correction adds to the incident, by staff id, so that debrief-service can invite them to the circle and
 * wellness-service can open their follow-ups. Dataversion 1 carried no people; reading it gives empty lists.
 */
public record IncidentAmended(
        UUID incidentId,
        String siteId,
        UUID amendmentId,
        String authorId,
        Instant amendedAt,
        List<String> addedInvolvedStaffIds,
        List<String> addedWitnessIds) {

    public IncidentAmended {
        addedInvolvedStaffIds = Lists.frozen(addedInvolvedStaffIds);
        addedWitnessIds = Lists.frozen(addedWitnessIds);
    }

    /** A correction that adds nobody. */
    public IncidentAmended(UUID incidentId, String siteId, UUID amendmentId, String authorId, Instant amendedAt) {
        this(incidentId, siteId, amendmentId, authorId, amendedAt, List.of(), List.of());
    }
}

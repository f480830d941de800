package org.haven.incident.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.incident.messaging.IncidentEvents;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Appends a correction to a report, audits it and announces it, in one transaction. People it adds must work at the
 * incident's site; those the report (or an earlier amendment) already names are not added again, so the event lists
 * only people new to the incident and each of them is invited and followed up once.
 */
@ApplicationScoped
public class IncidentAmendments {

    /** What an amendment changes; {@code lastSeen} null when the last sighting stands. */
    public record Change(String reason, String correction, List<String> addedInvolvedStaffIds, List<String> addedWitnessIds,
                         IncidentReporting.LastSeen lastSeen) {

        public Change {
            addedInvolvedStaffIds = addedInvolvedStaffIds == null ? List.of() : List.copyOf(addedInvolvedStaffIds);
            addedWitnessIds = addedWitnessIds == null ? List.of() : List.copyOf(addedWitnessIds);
        }

        public static Change inWords(String reason, String correction) {
            return new Change(reason, correction, List.of(), List.of(), null);
        }
    }

    private final AuditTrail audit;
    private final IncidentEvents events;
    private final PeopleOfTheSite people;
    private final Clock clock;

    IncidentAmendments(AuditTrail audit, IncidentEvents events, PeopleOfTheSite people, Clock clock) {
        this.audit = audit;
        this.events = events;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Amendment amend(Incident incident, String authorId, Change change) {
        people.require(incident.siteId, PeopleOfTheSite.fields("addedInvolvedStaffIds", change.addedInvolvedStaffIds(),
                "addedWitnessIds", change.addedWitnessIds()));
        Set<String> named = Amendment.everyoneNamed(incident);
        Amendment amendment = new Amendment();
        amendment.id = UUID.randomUUID();
        amendment.incidentId = incident.id;
        amendment.authorId = authorId;
        amendment.amendedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        amendment.reason = change.reason();
        amendment.correction = change.correction();
        amendment.addedInvolvedStaffIds = newTo(named, change.addedInvolvedStaffIds());
        amendment.addedWitnessIds = newTo(named, change.addedWitnessIds());
        if (change.lastSeen() != null) {
            amendment.lastSeenAt = change.lastSeen().at();
            amendment.lastSeenPlace = change.lastSeen().place();
            amendment.lastSeenClothing = change.lastSeen().clothing();
        }
        amendment.persist();
        audit.record(authorId, AuditEntry.Action.AMENDED, incident);
        events.amended(incident, amendment);
        return amendment;
    }

    /** Those of {@code ids} not named yet, each once; {@code named} then holds them too. */
    private static List<String> newTo(Set<String> named, List<String> ids) {
        List<String> added = new ArrayList<>();
        for (String id : ids) {
            if (named.add(id)) {
                added.add(id);
            }
        }
        return List.copyOf(added);
    }
}

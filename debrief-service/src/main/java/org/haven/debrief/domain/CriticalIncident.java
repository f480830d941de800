package org.haven.debrief.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What debrief-service needs to know of a critical incident. Data that cannot make a debrief is
 * refused with an {@link IllegalArgumentException}, which the consumer treats as permanent.
 */
public record CriticalIncident(UUID incidentId, String siteId, String incidentType, Instant reportedAt,
                               String reporterId, List<String> involvedStaffIds, List<String> witnessIds) {

    public CriticalIncident {
        require(incidentId, "incidentId");
        requireText(siteId, "siteId");
        requireText(incidentType, "incidentType");
        require(reportedAt, "reportedAt");
        requireText(reporterId, "reporterId");
        involvedStaffIds = involvedStaffIds == null ? List.of() : List.copyOf(involvedStaffIds);
        witnessIds = witnessIds == null ? List.of() : List.copyOf(witnessIds);
    }

    /** Everyone exposed to the incident, each once, in the strongest role they had; required as policy says. */
    public List<Participant> participants(Set<ParticipantRole> requiredRoles) {
        Map<String, ParticipantRole> roles = new LinkedHashMap<>();
        roles.put(reporterId, ParticipantRole.REPORTER);
        involvedStaffIds.forEach(id -> addIfNamed(roles, id, ParticipantRole.INVOLVED_STAFF));
        witnessIds.forEach(id -> addIfNamed(roles, id, ParticipantRole.WITNESS));
        List<Participant> participants = new ArrayList<>(roles.size());
        roles.forEach((id, role) -> participants.add(Participant.invited(id, role, requiredRoles.contains(role))));
        return participants;
    }

    private static void addIfNamed(Map<String, ParticipantRole> roles, String staffId, ParticipantRole role) {
        if (staffId != null && !staffId.isBlank()) {
            roles.putIfAbsent(staffId, role);
        }
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("critical incident lacks " + name);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("critical incident lacks " + name);
        }
    }
}

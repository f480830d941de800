package org.haven.debrief.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * People an amendment added to an incident after it was reported: staff who were involved, and witnesses. Ids only;
 * what the amendment says stays in incident-service.
 */
public record AddedPeople(UUID incidentId, List<String> involvedStaffIds, List<String> witnessIds) {

    public AddedPeople {
        if (incidentId == null) {
            throw new IllegalArgumentException("amendment lacks incidentId");
        }
        involvedStaffIds = involvedStaffIds == null ? List.of() : List.copyOf(involvedStaffIds);
        witnessIds = witnessIds == null ? List.of() : List.copyOf(witnessIds);
    }

    public boolean isEmpty() {
        return involvedStaffIds.isEmpty() && witnessIds.isEmpty();
    }

    /** Each person once, in the stronger role: someone named both involved and witness was involved. */
    Map<String, ParticipantRole> roles() {
        Map<String, ParticipantRole> roles = new LinkedHashMap<>();
        involvedStaffIds.stream().filter(id -> id != null && !id.isBlank()).forEach(id -> roles.putIfAbsent(id, ParticipantRole.INVOLVED_STAFF));
        witnessIds.stream().filter(id -> id != null && !id.isBlank()).forEach(id -> roles.putIfAbsent(id, ParticipantRole.WITNESS));
        return roles;
    }
}

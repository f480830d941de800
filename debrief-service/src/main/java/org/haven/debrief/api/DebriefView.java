package org.haven.debrief.api;

import org.haven.debrief.domain.Debrief;
import org.haven.debrief.domain.DebriefStatus;
import org.haven.debrief.domain.ParticipantRole;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record DebriefView(
        UUID id,
        UUID incidentId,
        String siteId,
        String incidentType,
        DebriefStatus status,
        Instant reportedAt,
        Instant createdAt,
        Instant deadline,
        List<ParticipantView> participants) {

    public record ParticipantView(String staffId, ParticipantRole role) {
    }

    static DebriefView of(Debrief debrief) {
        return new DebriefView(debrief.id, debrief.incidentId, debrief.siteId, debrief.incidentType, debrief.status,
                debrief.reportedAt, debrief.createdAt, debrief.deadline,
                debrief.participants.stream().map(p -> new ParticipantView(p.staffId(), p.role())).toList());
    }
}

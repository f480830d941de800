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
        List<UUID> incidentIds,
        String siteId,
        String incidentType,
        DebriefStatus status,
        Instant reportedAt,
        Instant createdAt,
        Instant deadline,
        Instant startsAt,
        Instant endsAt,
        String facilitatorId,
        List<ParticipantView> participants,
        List<String> uncoveredParticipantIds,
        boolean overdue,
        Instant heldAt,
        Instant closedAt,
        String calendarUid,
        int sequence,
        String changeReason) {

    public record ParticipantView(String staffId, ParticipantRole role, boolean required, boolean onShift, Boolean attended) {
    }

    static DebriefView of(Debrief debrief) {
        return new DebriefView(debrief.id, debrief.incidentId, debrief.incidentIds(), debrief.siteId, debrief.incidentType,
                debrief.status, debrief.reportedAt, debrief.createdAt, debrief.deadline, debrief.startsAt, debrief.endsAt,
                debrief.facilitatorId,
                debrief.participants.stream()
                        .map(p -> new ParticipantView(p.staffId(), p.role(), p.required(), p.onShift(), p.attended())).toList(),
                debrief.uncoveredIds(), debrief.overdueAt != null, debrief.heldAt, debrief.closedAt, debrief.calendarUid,
                debrief.sequence, debrief.changeReason);
    }
}

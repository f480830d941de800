package org.haven.wellness.api;

import org.haven.wellness.domain.FollowUp;
import org.haven.wellness.domain.FollowUpKind;
import org.haven.wellness.domain.FollowUpStatus;

import java.time.Instant;
import java.util.UUID;

/** A follow-up as anyone allowed to see it sees it: owed, due, and whether it happened. */
public record FollowUpView(
        UUID id,
        UUID incidentId,
        String siteId,
        String staffId,
        FollowUpKind kind,
        Instant dueAt,
        FollowUpStatus status,
        Instant createdAt,
        Instant completedAt) {

    static FollowUpView of(FollowUp followUp) {
        return new FollowUpView(followUp.id, followUp.incidentId, followUp.siteId, followUp.staffId, followUp.kind,
                followUp.dueAt, followUp.status, followUp.createdAt, followUp.completedAt);
    }
}

package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * A person erases one of their own check-ins, at any time: the sealed answers are deleted, not hidden. What
 * stays is what was never theirs alone: the follow-up is still marked as having happened (all a supervisor
 * ever saw of it), a conversation they asked for stays asked (their supervisor already knows), and their
 * exposure dose is about incidents, not answers. The audit log records that they erased a check-in of a site
 * and month, and nothing it said. Someone else's check-in answers exactly like a missing one (404).
 */
@ApplicationScoped
public class CheckInErasure {

    private final WellnessAccess access;
    private final WellnessAudit audit;
    private final Clock clock;

    CheckInErasure(WellnessAccess access, WellnessAudit audit, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void eraseOwn(UUID checkInId) {
        CheckIn checkIn = CheckIn.findById(checkInId, LockModeType.PESSIMISTIC_WRITE);
        access.requireOwnCheckIn(checkIn, "No check-in " + checkInId);
        ConversationRequest.update("checkInId = null where checkInId = ?1", checkIn.id);
        audit.checkInErased(checkIn.staffId, checkIn.siteId, checkIn.submittedAt, clock.instant());
        checkIn.delete();
    }
}

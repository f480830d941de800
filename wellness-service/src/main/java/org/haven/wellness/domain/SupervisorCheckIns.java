package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** The supervisor records that the same-day conversation happened, and nothing of what was said. */
@ApplicationScoped
public class SupervisorCheckIns {

    private final WellnessAccess access;
    private final Clock clock;

    SupervisorCheckIns(WellnessAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public FollowUp recordHeld(UUID followUpId) {
        FollowUp followUp = FollowUp.findById(followUpId, LockModeType.PESSIMISTIC_WRITE);
        access.requireSupervisorOf(followUp, "No follow-up " + followUpId);
        if (followUp.isOpen()) {
            followUp.complete(clock.instant());
        }
        return followUp;
    }
}

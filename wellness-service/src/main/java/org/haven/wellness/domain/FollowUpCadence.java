package org.haven.wellness.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.haven.wellness.config.FollowUpCadenceConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Decides when each kind of follow-up falls due after a critical incident is reported. */
@ApplicationScoped
public class FollowUpCadence {

    private final Map<FollowUpKind, Duration> dueAfter = new EnumMap<>(FollowUpKind.class);

    FollowUpCadence(FollowUpCadenceConfig config) {
        dueAfter.put(FollowUpKind.SUPERVISOR_CHECK_IN, positive("supervisor-check-in", config.supervisorCheckIn()));
        dueAfter.put(FollowUpKind.SELF_CHECK_IN_72H, positive("self-check-in-72h", config.selfCheckIn72h()));
        dueAfter.put(FollowUpKind.SELF_CHECK_IN_1_MONTH, positive("self-check-in-1-month", config.selfCheckIn1Month()));
    }

    /** Every kind of follow-up, in the order they fall due, with its due time. */
    public Map<FollowUpKind, Instant> dueTimes(Instant reportedAt) {
        Map<FollowUpKind, Instant> due = new EnumMap<>(FollowUpKind.class);
        dueAfter.forEach((kind, delay) -> due.put(kind, reportedAt.plus(delay)));
        return due;
    }

    private static Duration positive(String name, Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalStateException("haven.wellness.cadence." + name + " must be positive, not " + delay);
        }
        return delay;
    }
}

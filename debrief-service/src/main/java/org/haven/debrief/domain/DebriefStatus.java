package org.haven.debrief.domain;

import java.util.EnumSet;
import java.util.Set;

/** scheduled → rescheduled → held → closed; a debrief opened in error may be cancelled before it is held. */
public enum DebriefStatus {
    SCHEDULED,
    RESCHEDULED,
    HELD,
    CLOSED,
    CANCELLED;

    /** Not held yet, so it can be moved, joined by further incidents, or fall overdue. */
    public static final Set<DebriefStatus> UPCOMING = EnumSet.of(SCHEDULED, RESCHEDULED);

    public boolean isUpcoming() {
        return UPCOMING.contains(this);
    }
}

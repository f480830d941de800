package org.haven.notification.domain;

public enum EscalationStatus {
    /** Levels are still being paged until someone takes charge. */
    PAGING,
    /** Someone took charge; nothing is paged again for this incident. */
    ACKNOWLEDGED,
    /** Every level of every round was paged and no one acknowledged. */
    EXHAUSTED
}

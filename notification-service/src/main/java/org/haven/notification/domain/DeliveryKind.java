package org.haven.notification.domain;

public enum DeliveryKind {
    /** A page: a critical incident needs someone to take charge. */
    ALERT,
    /** The notice that someone has taken charge ("handled by …"). */
    HANDLED
}

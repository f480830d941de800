package org.haven.notification.domain;

public enum DeliveryChannel {
    EMAIL,
    SMS,
    /** Web push to a browser the person subscribed (alerts only); the destination is the subscription's id. */
    PUSH
}

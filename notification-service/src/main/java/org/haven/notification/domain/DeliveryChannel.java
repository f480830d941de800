package org.haven.notification.domain;

public enum DeliveryChannel {
    EMAIL,
    SMS
}

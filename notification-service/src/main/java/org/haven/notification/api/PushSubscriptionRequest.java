package org.haven.notification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A browser's push subscription as its {@code PushSubscription.toJSON()} gives it. {@code expirationTime} is read
 * and not kept: the push service says when a subscription has ended (404/410).
 */
public record PushSubscriptionRequest(
        @NotBlank @Size(max = 2048) String endpoint,
        Long expirationTime,
        @NotNull @Valid Keys keys) {

    public record Keys(@NotBlank @Size(max = 100) String p256dh, @NotBlank @Size(max = 50) String auth) {
    }

    /** Which browser to stop alerting. */
    public record Endpoint(@NotBlank @Size(max = 2048) String endpoint) {
    }
}

package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Web push (RFC 8030) to the browsers supervisors and directors subscribed, signed with Haven's VAPID keys (RFC 8292). */
@ConfigMapping(prefix = "haven.notification.push")
public interface PushConfig {

    /**
     * The VAPID public key, base64url of the uncompressed P-256 point (65 bytes), as {@code web-push generate-vapid-keys}
     * prints it. No default outside %dev, %test and %local; the service does not start without it.
     */
    Optional<String> vapidPublicKey();

    /** The VAPID private key, base64url of the 32-byte scalar. Secret. */
    Optional<String> vapidPrivateKey();

    /** Who push services may contact about Haven's pushes: {@code mailto:} or {@code https:}. */
    String subject();

    /** How long a push service keeps a push for a browser that is offline. */
    @WithDefault("12h")
    Duration ttl();

    /**
     * Whether a subscription's endpoint may be plain {@code http} (the tests' push-service stand-in). Browsers' push
     * services are all {@code https}; refused in production.
     */
    @WithDefault("false")
    boolean allowPlainHttp();
}

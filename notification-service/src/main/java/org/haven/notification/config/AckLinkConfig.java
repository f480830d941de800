package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "haven.notification.ack-link")
public interface AckLinkConfig {

    /**
     * The HMAC key signing acknowledgement links in emails and texts: 32 bytes or more, never the development
     * key in production. No default outside %dev and %test; the service does not start without one.
     */
    Optional<String> secret();

    /** How long a link can be used. */
    @WithDefault("12h")
    Duration validFor();
}

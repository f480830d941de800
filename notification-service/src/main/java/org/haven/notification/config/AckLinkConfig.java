package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "haven.notification.ack-link")
public interface AckLinkConfig {

    /** The HMAC key signing acknowledgement links in emails and texts (32+ characters). */
    String secret();

    /** How long a link can be used. */
    @WithDefault("12h")
    Duration validFor();
}

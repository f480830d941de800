package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/**
 * The SMS provider's HTTP webhook. The request is Twilio's "create message" form POST (To, From,
 * Body; HTTP Basic with the account id and token), which other providers and gateways accept too.
 * Without a URL, no one is texted.
 */
@ConfigMapping(prefix = "haven.notification.sms")
public interface SmsConfig {

    Optional<URI> webhookUrl();

    /** The sending number (E.164). */
    @WithDefault("+15550100000")
    String from();

    Optional<String> username();

    Optional<String> password();
}

package org.haven.notification.domain;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.haven.messaging.LaunchProfile;
import org.haven.notification.config.AckLinkConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signed one-time acknowledgement links for emails and texts: {@code <alert>.<expiry>.<nonce>.<hmac>}.
 * The HMAC-SHA256 over the first three parts proves Haven issued the link for that alert; the expiry
 * bounds how long a forwarded or leaked message can be used; the nonce is recorded on first use.
 * Created at startup, so a missing or weak key ({@link AckLinkKey}) stops the service from starting.
 */
@Startup
@ApplicationScoped
public class AckLinks {

    /** A verified link: acknowledge {@code alertId}, once per {@code nonce}. */
    public record Verified(UUID alertId, String nonce) {
    }

    public static class InvalidLink extends RuntimeException {
        public InvalidLink(String message) {
            super(message);
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AckLinkConfig config;
    private final SecretKeySpec key;
    private final Clock clock;

    AckLinks(AckLinkConfig config, Clock clock) {
        this.config = config;
        this.key = new SecretKeySpec(AckLinkKey.check(config.secret(), LaunchProfile.isProduction()), "HmacSHA256");
        this.clock = clock;
    }

    public String token(UUID alertId) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = alertId + "." + clock.instant().plus(config.validFor()).getEpochSecond() + "." + B64.encodeToString(nonce);
        return payload + "." + sign(payload);
    }

    public Verified verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 4) {
            throw new InvalidLink("This link is not a Haven acknowledgement link.");
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidLink("This link is not a Haven acknowledgement link.");
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])))) {
            throw new InvalidLink("This link has expired. Open the alert in Haven to take charge.");
        }
        return new Verified(UUID.fromString(parts[0]), parts[2]);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}

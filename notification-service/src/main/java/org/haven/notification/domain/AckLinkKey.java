package org.haven.notification.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HMAC key of acknowledgement links, checked before the service takes any traffic. Whoever knows it
 * and an alert id (it is in every alert email) can acknowledge that alert and stop its escalation, so a
 * missing, short or published key must stop the service from starting instead of signing with it.
 */
public final class AckLinkKey {

    /** Published in the repository: the %dev and %test profiles only. */
    public static final String NOT_FOR_PRODUCTION = "haven-dev-only-ack-link-secret-change-me";
    static final int MIN_BYTES = 32;
    private static final String SETTING = "haven.notification.ack-link.secret (HAVEN_ACK_LINK_SECRET)";
    private static final String GENERATE = " Generate one with: openssl rand -hex 32";

    private AckLinkKey() {
    }

    /**
     * The key's bytes, or an {@link IllegalStateException} naming the setting and what is wrong with it.
     *
     * @param production whether the published development key must be refused too
     */
    public static byte[] check(Optional<String> secret, boolean production) {
        String value = secret.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(SETTING
                + " is not set: alert acknowledgement links cannot be signed without a key." + GENERATE));
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(SETTING + " is " + bytes.length + " bytes long; it must have at least " + MIN_BYTES
                    + " so that acknowledgement links cannot be forged." + GENERATE);
        }
        if (production && NOT_FOR_PRODUCTION.equals(value)) {
            throw new IllegalStateException(SETTING + " is the development key published in Haven's repository: anyone could"
                    + " forge acknowledgement links with it." + GENERATE);
        }
        return bytes;
    }
}

package org.haven.notification.domain;

import com.interaso.webpush.VapidKeys;

import java.util.Optional;

/**
 * Haven's VAPID key pair (RFC 8292), checked before the service takes any traffic. Push services tie each
 * subscription to the public key it was made with, and whoever holds the private key signs as Haven, so a missing,
 * malformed or published pair must stop the service from starting rather than leave supervisors unalerted.
 */
public final class VapidKeyPair {

    /**
     * Published in the repository: what the dev, test and local profiles ({@link org.haven.messaging.LaunchProfile})
     * sign with when no pair is set, and refused in production.
     */
    public static final String NOT_FOR_PRODUCTION_PUBLIC_KEY =
            "BBARUY4cv4SBnqUVkcPN4-R6skezlbP2tmj-h_BvxUI-7jG6gogWWJikWck9_8ife3fWpR7QzfOz0pCog1voOuI";
    static final String NOT_FOR_PRODUCTION_PRIVATE_KEY = "ltwIK8hE18rp90qVyBhftbrN3jT9uQTwWL2CYJ0uNpk";
    private static final String PUBLIC_SETTING = "haven.notification.push.vapid-public-key (HAVEN_VAPID_PUBLIC_KEY)";
    private static final String PRIVATE_SETTING = "haven.notification.push.vapid-private-key (HAVEN_VAPID_PRIVATE_KEY)";
    private static final String GENERATE = " Generate a pair with: npx web-push generate-vapid-keys";

    private VapidKeyPair() {
    }

    /**
     * The key pair, or an {@link IllegalStateException} naming the setting and what is wrong with it.
     *
     * @param production whether the published development pair must be refused too; outside production, no pair
     *                   at all means that one
     */
    public static VapidKeys check(Optional<String> publicKey, Optional<String> privateKey, boolean production) {
        if (!production && publicKey.filter(s -> !s.isBlank()).isEmpty() && privateKey.filter(s -> !s.isBlank()).isEmpty()) {
            return VapidKeys.fromUncompressedBytes(NOT_FOR_PRODUCTION_PUBLIC_KEY, NOT_FOR_PRODUCTION_PRIVATE_KEY);
        }
        String pub = publicKey.filter(s -> !s.isBlank()).map(String::trim).orElseThrow(() -> new IllegalStateException(
                PUBLIC_SETTING + " is not set: supervisors' browsers cannot be sent critical alerts without it." + GENERATE));
        String priv = privateKey.filter(s -> !s.isBlank()).map(String::trim).orElseThrow(() -> new IllegalStateException(
                PRIVATE_SETTING + " is not set: supervisors' browsers cannot be sent critical alerts without it." + GENERATE));
        if (production && NOT_FOR_PRODUCTION_PUBLIC_KEY.equals(pub)) {
            throw new IllegalStateException(PUBLIC_SETTING + " is the development key published in Haven's repository: anyone"
                    + " could sign pushes as Haven with its private half." + GENERATE);
        }
        try {
            return VapidKeys.fromUncompressedBytes(pub, priv);
        } catch (RuntimeException e) {
            throw new IllegalStateException(PUBLIC_SETTING + " and " + PRIVATE_SETTING + " are not a P-256 key pair in base64url"
                    + " (the public key as the 65-byte uncompressed point, the private key as its 32-byte scalar)." + GENERATE);
        }
    }
}

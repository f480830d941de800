package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.notification.messaging.PushGateway;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Keeps the browsers a person asked to be alerted on. A subscription is checked before it is kept, so a push can
 * always be encrypted for it: an {@code https} endpoint, the browser's P-256 key (a point on the curve) and its
 * 16-byte secret. The endpoint is the browser's: subscribing it again, under whoever is signed in now, moves it to
 * them, so a phone handed on alerts its new holder and not the last one.
 */
@ApplicationScoped
public class PushSubscriptions {

    /** A field of a subscription that cannot be kept, and why. */
    public static class Invalid extends RuntimeException {
        public final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private static final int PUBLIC_KEY_BYTES = 65;
    private static final int AUTH_BYTES = 16;
    private static final ECParameterSpec P256 = p256();

    private final PushGateway push;
    private final Clock clock;

    PushSubscriptions(PushGateway push, Clock clock) {
        this.push = push;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PushSubscription subscribe(String personId, String endpoint, String p256dh, String auth) {
        checkEndpoint(endpoint);
        checkPublicKey(p256dh);
        checkAuth(auth);
        PushSubscription subscription = PushSubscription.ofEndpoint(endpoint).orElseGet(() -> {
            PushSubscription created = new PushSubscription();
            created.id = UUID.randomUUID();
            created.endpoint = endpoint;
            created.createdAt = clock.instant();
            return created;
        });
        subscription.personId = personId;
        subscription.p256dh = p256dh;
        subscription.auth = auth;
        subscription.persist();
        return subscription;
    }

    /** Removes the browser's subscription if it is the person's; true when there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean unsubscribe(String personId, String endpoint) {
        return PushSubscription.delete("endpoint = ?1 and personId = ?2", endpoint, personId) > 0;
    }

    private void checkEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new Invalid("endpoint", "must be the push service URL the browser gave");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean plain = "http".equalsIgnoreCase(uri.getScheme()) && push.allowsPlainHttp();
        if (!(https || plain) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Invalid("endpoint", "must be the https URL of the browser's push service");
        }
    }

    private static void checkPublicKey(String p256dh) {
        byte[] point = decode(p256dh, "keys.p256dh");
        if (point.length != PUBLIC_KEY_BYTES || point[0] != 0x04 || !onCurve(point)) {
            throw new Invalid("keys.p256dh", "must be the browser's P-256 public key: base64url of its 65-byte uncompressed point");
        }
    }

    private static void checkAuth(String auth) {
        if (decode(auth, "keys.auth").length != AUTH_BYTES) {
            throw new Invalid("keys.auth", "must be the browser's 16-byte authentication secret in base64url");
        }
    }

    private static byte[] decode(String value, String field) {
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, "must be base64url");
        }
    }

    /** y² = x³ + ax + b (mod p): a push encrypted for any other point could never be read. */
    private static boolean onCurve(byte[] point) {
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        return y.modPow(BigInteger.TWO, p).equals(right);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }
}

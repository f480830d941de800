package org.haven.images;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values for the Secrets the manifests reference but git never holds (deploy/README.md lists them), generated per
 * run. Database credentials are the owner role each service's database gets, as CloudNativePG's managed roles do.
 */
final class TestSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern DATABASE_SECRET = Pattern.compile("haven-([a-z]+)-db");

    private final Map<String, String> values = new HashMap<>();

    TestSecrets(String oidcClientId) {
        put("haven-oidc-client", "client-id", oidcClientId);
        put("haven-oidc-client", "client-secret", random(24));
        put("haven-web-session", "state-secret", random(32));
        put("haven-web-session", "session-secret", random(32));
        put("haven-web-session", "csrf-key", random(32));
        put("haven-ack-links", "secret", random(32));
        vapidPair();
        put("haven-smtp", "username", "haven");
        put("haven-smtp", "password", random(16));
        // AES-256-GCM key for sealed check-in answers: 32 bytes, base64.
        put("haven-wellness-answers", "key", Base64.getEncoder().encodeToString(bytes(32)));
        // Written by Strimzi in a cluster (each service's KafkaUser, the cluster CA). The embedded broker is plaintext,
        // so ImagesStartIT runs the services with KAFKA_SECURITY_PROTOCOL=PLAINTEXT and these are only carried along.
        for (String service : Services.ALL) {
            put(service, "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + service + "\" password=\"" + random(24) + "\";");
        }
        put("haven-kafka-cluster-ca-cert", "ca.crt", "");
    }

    /**
     * The value of one key of a Secret; {@code haven-<name>-db} holds the owner role {@code haven_<name>} of that
     * database (cluster.yaml's managed roles) and a fresh password.
     */
    synchronized String value(String secretName, String key) {
        Matcher database = DATABASE_SECRET.matcher(secretName);
        if (database.matches() && !values.containsKey(secretName + "/username")) {
            put(secretName, "username", "haven_" + database.group(1));
            put(secretName, "password", random(18));
        }
        return values.get(secretName + "/" + key);
    }

    /** A fresh P-256 pair in the form haven-web-push holds: the uncompressed public point and the private scalar, base64url. */
    private void vapidPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            fixed32(publicKey.getW().getAffineX(), point, 1);
            fixed32(publicKey.getW().getAffineY(), point, 33);
            byte[] scalar = new byte[32];
            fixed32(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            put("haven-web-push", "public-key", encoder.encodeToString(point));
            put("haven-web-push", "private-key", encoder.encodeToString(scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fixed32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, start, out, offset + 32 - (bytes.length - start), bytes.length - start);
    }

    static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    private void put(String secretName, String key, String value) {
        values.put(secretName + "/" + key, value);
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

package org.haven.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A push service and the browsers subscribed to it, standing in for a phone: it takes Haven's pushes (RFC 8030) on a
 * local HTTP endpoint per browser, checks each one's VAPID signature (RFC 8292), and decrypts the payload with the
 * browser's own private key and secret (RFC 8291, aes128gcm), so a test reads exactly what the phone would show.
 * Each browser answers 201 unless told otherwise (404/410: the subscription has ended; 5xx: try again later).
 */
final class PushService {

    /** One push as it reached the push service, decrypted as the browser would. */
    record Push(Map<String, Object> shown, Map<String, String> headers, Map<String, Object> vapidClaims, String vapidKey) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Map<String, Browser> BROWSERS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private PushService() {
    }

    /** A browser with a fresh P-256 key pair and authentication secret, subscribed at its own endpoint here. */
    static synchronized Browser newBrowser() {
        if (server == null) {
            start();
        }
        Browser browser = new Browser(UUID.randomUUID().toString());
        BROWSERS.put(browser.id, browser);
        return browser;
    }

    static String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/push/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/push/".length());
            Browser browser = BROWSERS.get(id);
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 404;
            if (browser != null && "POST".equals(exchange.getRequestMethod())) {
                Integer next = browser.answers.poll();
                status = next == null ? 201 : next;
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                browser.received.add(new Received(headers, body, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private record Received(Map<String, String> headers, byte[] body, int answeredWith) {
    }

    static final class Browser {

        private final String id;
        private final KeyPair keys;
        private final byte[] auth = new byte[16];
        private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
        private final List<Received> received = new CopyOnWriteArrayList<>();

        private Browser(String id) {
            this.id = id;
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                this.keys = generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            new SecureRandom().nextBytes(auth);
        }

        String endpoint() {
            return origin() + "/push/" + id;
        }

        String p256dh() {
            return B64.encodeToString(uncompressed((ECPublicKey) keys.getPublic()));
        }

        String auth() {
            return B64.encodeToString(auth);
        }

        /** What {@code PushSubscription.toJSON()} gives the page. */
        Map<String, Object> subscription() {
            java.util.HashMap<String, Object> json = new java.util.HashMap<>();
            json.put("endpoint", endpoint());
            json.put("expirationTime", null);
            json.put("keys", Map.of("p256dh", p256dh(), "auth", auth()));
            return json;
        }

        /** The next pushes are answered with these statuses, in turn; then 201 again. */
        void answerWith(Integer... statuses) {
            answers.addAll(List.of(statuses));
        }

        /** Every push that reached this browser's endpoint, whatever it was answered. */
        int attempts() {
            return received.size();
        }

        /** The pushes the push service took (2xx), as the phone shows them. */
        List<Push> shown() {
            return received.stream().filter(r -> r.answeredWith() / 100 == 2).map(this::open).toList();
        }

        private Push open(Received push) {
            try {
                String authorization = push.headers().get("Authorization");
                return new Push(JSON.readValue(decrypt(push.body()), new TypeReference<>() {
                }), push.headers(), vapidClaims(authorization), param(authorization, "k"));
            } catch (IOException | GeneralSecurityException e) {
                throw new AssertionError("a push this browser could not read: " + e, e);
            }
        }

        /** RFC 8291 section 3.4 and RFC 8188: one aes128gcm record, keyed from ECDH with the sender's key in the header. */
        private byte[] decrypt(byte[] body) throws GeneralSecurityException {
            ByteBuffer in = ByteBuffer.wrap(body);
            byte[] salt = new byte[16];
            in.get(salt);
            int recordSize = in.getInt();
            byte[] senderKey = new byte[in.get() & 0xff];
            in.get(senderKey);
            byte[] cipherText = new byte[in.remaining()];
            in.get(cipherText);
            if (cipherText.length > recordSize) {
                throw new GeneralSecurityException("more than one record");
            }
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(keys.getPrivate());
            agreement.doPhase(publicKey(senderKey), true);
            byte[] shared = agreement.generateSecret();
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uncompressed((ECPublicKey) keys.getPublic()), senderKey);
            byte[] ikm = hkdf(auth, shared, keyInfo, 32);
            byte[] contentKey = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
            byte[] padded = cipher.doFinal(cipherText);
            int end = padded.length - 1;
            while (end >= 0 && padded[end] == 0) {
                end--;
            }
            if (end < 0 || padded[end] != 2) {
                throw new GeneralSecurityException("no last-record delimiter");
            }
            return Arrays.copyOf(padded, end);
        }
    }

    /** The claims of the VAPID JWT, once its ES256 signature verifies with the key in the same header. */
    private static Map<String, Object> vapidClaims(String authorization) throws IOException, GeneralSecurityException {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new GeneralSecurityException("no VAPID authorization: " + authorization);
        }
        String[] jwt = param(authorization, "t").split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(param(authorization, "k"))));
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
            throw new GeneralSecurityException("the VAPID signature does not verify");
        }
        return JSON.readValue(Base64.getUrlDecoder().decode(jwt[1]), new TypeReference<>() {
        });
    }

    private static String param(String authorization, String name) {
        for (String part : authorization.substring("vapid ".length()).split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv[0].equals(name)) {
                return kv[1];
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + authorization);
    }

    private static byte[] hkdf(byte[] salt, byte[] input, byte[] info, int length) throws GeneralSecurityException {
        byte[] prk = hmac(salt, input);
        return Arrays.copyOf(hmac(prk, concat(info, new byte[]{1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    private static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        fixed(key.getW().getAffineX(), out, 1);
        fixed(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void fixed(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int start = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, start, out, offset + 32 - (bytes.length - start), bytes.length - start);
    }
}

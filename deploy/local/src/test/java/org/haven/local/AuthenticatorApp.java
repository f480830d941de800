package org.haven.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a person's authenticator app does with the key Keycloak shows on its "set up an authenticator" page:
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30-second steps: the realm's OTP policy), from
 * the key as Keycloak prints it (RFC 4648 base32, in groups separated by spaces).
 */
final class AuthenticatorApp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int DIGITS = 6;
    private static final long STEP_SECONDS = 30;

    private final byte[] key;

    private AuthenticatorApp(byte[] key) {
        this.key = key;
    }

    /** The app after the person typed in the key Keycloak showed them. */
    static AuthenticatorApp withKey(String shownKey) {
        return new AuthenticatorApp(base32(shownKey));
    }

    /** The code the app shows at {@code instant}. */
    String codeAt(Instant instant) {
        return code(Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS));
    }

    /** RFC 4226 HOTP of one counter value (RFC 6238 uses the time step as the counter). */
    String code(long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] base32(String text) {
        String cleaned = text.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : cleaned.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c + " in " + text);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return bytes.toByteArray();
    }
}

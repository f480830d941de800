package org.haven.wellness.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.wellness.config.WellnessConfig;
import org.haven.wellness.domain.InstrumentResult;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Seals check-in results at rest with AES-256-GCM under a key from configuration, so that a database
 * dump, a backup or a colleague with SQL access reads nothing about how anyone is doing. Each seal is
 * bound (as GCM associated data) to its check-in id and owner: a sealed row copied onto someone else's
 * check-in does not open.
 */
@Startup
@ApplicationScoped
public class AnswerSeal {

    private static final Logger LOG = Logger.getLogger(AnswerSeal.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Published in the repository: for the local demo run only, whose data is seeded and disposable. */
    private static final String DEMO_KEY = "aGF2ZW4tbG9jYWwtZGVtby1vbmx5LWFuc3dlcnMta2U=";
    private static final TypeReference<List<InstrumentResult>> RESULTS = new TypeReference<>() {
    };

    private final SecretKeySpec key;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    AnswerSeal(WellnessConfig config, @ConfigProperty(name = "haven.directory.seed") String seed, ObjectMapper json) {
        this.json = json;
        this.key = new SecretKeySpec(keyBytes(config, seed), "AES");
    }

    public byte[] seal(UUID checkInId, String staffId, List<InstrumentResult> results) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo(checkInId, staffId));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(results));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot seal check-in " + checkInId, e);
        }
    }

    public List<InstrumentResult> open(UUID checkInId, String staffId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo(checkInId, staffId));
            return json.readValue(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), RESULTS);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot open check-in " + checkInId + " (wrong key or not this person's)", e);
        }
    }

    private static byte[] boundTo(UUID checkInId, String staffId) {
        return (checkInId + "/" + staffId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] keyBytes(WellnessConfig config, String seed) {
        String encoded = config.answers().key().filter(k -> !k.isBlank()).orElse(null);
        if (encoded == null) {
            if (!"demo".equals(seed)) {
                throw new IllegalStateException("haven.wellness.answers.key (WELLNESS_ANSWERS_KEY) is not set: "
                        + "check-in answers cannot be stored without a key. Generate one with: openssl rand -base64 32");
            }
            LOG.warn("Sealing check-in answers with the published demo key (haven.directory.seed=demo): local demo only");
            encoded = DEMO_KEY;
        }
        byte[] bytes = Base64.getDecoder().decode(encoded.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("haven.wellness.answers.key must be 32 bytes, base64-encoded; it is " + bytes.length);
        }
        return bytes;
    }
}

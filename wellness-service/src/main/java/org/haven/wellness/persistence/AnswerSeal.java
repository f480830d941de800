package org.haven.wellness.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.haven.messaging.LaunchProfile;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Seals check-in results at rest with AES-256-GCM under a key from configuration, so that a database
 * dump, a backup or a colleague with SQL access reads nothing about how anyone is doing. Each seal is
 * bound (as GCM associated data) to its check-in id and owner: a sealed row copied onto someone else's
 * check-in does not open.
 *
 * <p>Without a key, the dev, test and local profiles ({@link LaunchProfile}) seal with a key published in
 * this repository, so the demo and the tests need no secret; any other run refuses to start, and also
 * refuses a published key given as its own.
 */
@Startup
@ApplicationScoped
public class AnswerSeal {

    private static final Logger LOG = Logger.getLogger(AnswerSeal.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final String KEY_SETTING = "haven.wellness.answers.key (WELLNESS_ANSWERS_KEY)";
    /** Published in the repository: for tests and the local demo run only, whose data is seeded and disposable. */
    static final String DEMO_KEY = "aGF2ZW4tbG9jYWwtZGVtby1vbmx5LWFuc3dlcnMta2U=";
    /** Every key this repository has published (the demo key, the test key, a former dev key): never a real one. */
    private static final Set<String> PUBLISHED = Set.of(DEMO_KEY, "dGVzdC1vbmx5LWtleS1mb3ItaGF2ZW4td2VsbG5lc3M=",
            "ZGV2LW9ubHkta2V5LWZvci1oYXZlbi13ZWxsbmVzcyE=");
    private static final TypeReference<List<InstrumentResult>> RESULTS = new TypeReference<>() {
    };

    private final SecretKeySpec key;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    AnswerSeal(WellnessConfig config, ObjectMapper json) {
        this.json = json;
        this.key = new SecretKeySpec(keyBytes(config.answers().key()), "AES");
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

    /** The configured key, or the demo key where {@link LaunchProfile} allows published keys; else the service does not start. */
    static byte[] keyBytes(Optional<String> configured) {
        String encoded = configured.map(String::trim).filter(k -> !k.isEmpty()).orElse(null);
        if (encoded == null) {
            if (LaunchProfile.isProduction()) {
                throw new IllegalStateException(KEY_SETTING + " is not set: check-in answers cannot be stored without a key. "
                        + "Generate one with: openssl rand -base64 32. (The published demo key is used only in the dev, test and "
                        + "local profiles; active profiles: " + LaunchProfile.active() + ".)");
            }
            LOG.warnf("Sealing check-in answers with the published demo key (profiles %s): tests and the local demo only",
                    LaunchProfile.active());
            encoded = DEMO_KEY;
        } else if (PUBLISHED.contains(encoded)) {
            LaunchProfile.refuseInProduction("A key published in the Haven repository as " + KEY_SETTING);
        }
        byte[] bytes = Base64.getDecoder().decode(encoded);
        if (bytes.length != 32) {
            throw new IllegalStateException("haven.wellness.answers.key must be 32 bytes, base64-encoded; it is " + bytes.length);
        }
        return bytes;
    }
}

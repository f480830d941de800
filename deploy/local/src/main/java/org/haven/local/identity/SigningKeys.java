package org.haven.local.identity;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctJwkGenerator;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The realm's keys, made at first start and kept in the data directory, so tokens issued before a
 * restart still verify after it: an RSA key signs access and ID tokens (published in the JWKS), and a
 * secret HMAC key signs refresh tokens, which no service can therefore mistake for access tokens
 * (Keycloak does the same).
 */
final class SigningKeys {

    private final RsaJsonWebKey tokenKey;
    private final OctetSequenceJsonWebKey refreshKey;

    private SigningKeys(RsaJsonWebKey tokenKey, OctetSequenceJsonWebKey refreshKey) {
        this.tokenKey = tokenKey;
        this.refreshKey = refreshKey;
    }

    static SigningKeys loadOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            RsaJsonWebKey tokenKey = (RsaJsonWebKey) loadOrCreate(dir.resolve("token-signing-key.jwk"), () -> {
                RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
                key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                key.setUse("sig");
                return key;
            });
            OctetSequenceJsonWebKey refreshKey = (OctetSequenceJsonWebKey) loadOrCreate(dir.resolve("refresh-signing-key.jwk"), () -> {
                OctetSequenceJsonWebKey key = OctJwkGenerator.generateJwk(512);
                key.setAlgorithm(AlgorithmIdentifiers.HMAC_SHA512);
                return key;
            });
            return new SigningKeys(tokenKey, refreshKey);
        } catch (JoseException e) {
            throw new IOException("Cannot read or make the identity provider's keys in " + dir, e);
        }
    }

    RsaJsonWebKey tokenKey() {
        return tokenKey;
    }

    OctetSequenceJsonWebKey refreshKey() {
        return refreshKey;
    }

    /** The public half of the token key, as a JSON Web Key Set. */
    String publicJwks() {
        return new JsonWebKeySet(tokenKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private interface KeyMaker {
        JsonWebKey make() throws JoseException;
    }

    private static JsonWebKey loadOrCreate(Path file, KeyMaker maker) throws IOException, JoseException {
        if (Files.isRegularFile(file)) {
            return JsonWebKey.Factory.newJwk(Files.readString(file, StandardCharsets.UTF_8));
        }
        JsonWebKey key = maker.make();
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(partial, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), StandardCharsets.UTF_8);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return key;
    }
}

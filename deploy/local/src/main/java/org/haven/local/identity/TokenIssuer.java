package org.haven.local.identity;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.lang.JoseException;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes and reads the realm's tokens. Access and ID tokens are RS256 JWTs a service verifies against the
 * JWKS; they carry who the person is, their realm roles (also as {@code groups}, the MicroProfile JWT
 * convention) and their sites in {@code haven_sites}. Refresh tokens are HS512 JWTs only this provider
 * can read.
 */
final class TokenIssuer {

    static final String BEARER = "Bearer";
    static final String ID = "ID";
    static final String REFRESH = "Refresh";

    /** What a token is issued for: one person, in one sign-in session. */
    record Grant(DemoUser user, String scope, String sessionId, Instant authTime, String nonce) {

        boolean openid() {
            return scope != null && Arrays.asList(scope.split(" ")).contains("openid");
        }
    }

    /** What a valid refresh token says. */
    record RefreshClaims(String username, String scope, String sessionId, Instant authTime) {
    }

    private final Realm realm;
    private final SigningKeys keys;
    private final Clock clock;

    TokenIssuer(Realm realm, SigningKeys keys, Clock clock) {
        this.realm = realm;
        this.keys = keys;
        this.clock = clock;
    }

    /** The token endpoint's answer (RFC 6749 §5.1), with an ID token when the scope asks for OpenID. */
    Map<String, Object> tokenResponse(Grant grant) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken(grant));
        response.put("expires_in", Realm.ACCESS_TOKEN_LIFETIME.toSeconds());
        response.put("refresh_expires_in", Realm.REFRESH_TOKEN_LIFETIME.toSeconds());
        response.put("refresh_token", refreshToken(grant));
        response.put("token_type", BEARER);
        if (grant.openid()) {
            response.put("id_token", idToken(grant));
        }
        response.put("session_state", grant.sessionId());
        response.put("scope", grant.scope());
        return response;
    }

    String accessToken(Grant grant) {
        JwtClaims claims = personClaims(grant, BEARER, Realm.ACCESS_TOKEN_LIFETIME);
        claims.setClaim("scope", grant.scope());
        return sign(claims, keys.tokenKey().getPrivateKey(), AlgorithmIdentifiers.RSA_USING_SHA256, keys.tokenKey().getKeyId());
    }

    String idToken(Grant grant) {
        JwtClaims claims = personClaims(grant, ID, Realm.ACCESS_TOKEN_LIFETIME);
        claims.setClaim("auth_time", grant.authTime().getEpochSecond());
        if (grant.nonce() != null) {
            claims.setClaim("nonce", grant.nonce());
        }
        return sign(claims, keys.tokenKey().getPrivateKey(), AlgorithmIdentifiers.RSA_USING_SHA256, keys.tokenKey().getKeyId());
    }

    String refreshToken(Grant grant) {
        JwtClaims claims = baseClaims(REFRESH, Realm.REFRESH_TOKEN_LIFETIME);
        claims.setAudience(realm.issuer());
        claims.setSubject(grant.user().subject());
        claims.setClaim("azp", Realm.CLIENT_ID);
        claims.setClaim("preferred_username", grant.user().username());
        claims.setClaim("scope", grant.scope());
        claims.setClaim("sid", grant.sessionId());
        claims.setClaim("auth_time", grant.authTime().getEpochSecond());
        return sign(claims, keys.refreshKey().getKey(), AlgorithmIdentifiers.HMAC_SHA512, null);
    }

    Optional<RefreshClaims> readRefreshToken(String token) {
        return verify(token, keys.refreshKey().getKey(), AlgorithmIdentifiers.HMAC_SHA512, realm.issuer(), REFRESH, true)
                .flatMap(claims -> {
                    try {
                        if (!Realm.CLIENT_ID.equals(claims.getClaimValueAsString("azp"))) {
                            return Optional.empty();
                        }
                        Number authTime = claims.getClaimValue("auth_time", Number.class);
                        return Optional.of(new RefreshClaims(claims.getStringClaimValue("preferred_username"),
                                claims.getStringClaimValue("scope"), claims.getStringClaimValue("sid"),
                                Instant.ofEpochSecond(authTime == null ? 0 : authTime.longValue())));
                    } catch (MalformedClaimException e) {
                        return Optional.empty();
                    }
                });
    }

    /** The claims of a valid, unexpired access token of this realm. */
    Optional<JwtClaims> readAccessToken(String token) {
        return verify(token, keys.tokenKey().getPublicKey(), AlgorithmIdentifiers.RSA_USING_SHA256, Realm.CLIENT_ID, BEARER, true);
    }

    /** The session of an ID token this realm signed, even an expired one (logout's {@code id_token_hint}). */
    Optional<String> sessionOfIdToken(String token) {
        return verify(token, keys.tokenKey().getPublicKey(), AlgorithmIdentifiers.RSA_USING_SHA256, Realm.CLIENT_ID, ID, false)
                .map(claims -> claims.getClaimValueAsString("sid"));
    }

    private JwtClaims personClaims(Grant grant, String type, Duration lifetime) {
        DemoUser user = grant.user();
        JwtClaims claims = baseClaims(type, lifetime);
        claims.setAudience(Realm.CLIENT_ID);
        claims.setSubject(user.subject());
        claims.setClaim("azp", Realm.CLIENT_ID);
        claims.setClaim("sid", grant.sessionId());
        claims.setClaim("preferred_username", user.username());
        claims.setClaim("name", user.name());
        claims.setClaim("email", user.email());
        claims.setClaim("email_verified", true);
        claims.setClaim("realm_access", Map.of("roles", user.roles()));
        claims.setStringListClaim("groups", user.roles());
        claims.setStringListClaim("haven_sites", user.sites());
        return claims;
    }

    private JwtClaims baseClaims(String type, Duration lifetime) {
        Instant now = clock.instant();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(realm.issuer());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setClaim("typ", type);
        return claims;
    }

    private static String sign(JwtClaims claims, Key key, String algorithm, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        if (keyId != null) {
            jws.setKeyIdHeaderValue(keyId);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private Optional<JwtClaims> verify(String token, Key key, String algorithm, String audience, String type, boolean checkExpiry) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithm);
        if (checkExpiry) {
            builder.setExpectedIssuer(realm.issuer())
                    .setExpectedAudience(audience)
                    .setRequireExpirationTime()
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()));
        } else {
            // The signature is still checked; issuer and audience are checked below, expiry not at all.
            builder.setSkipAllValidators();
        }
        JwtConsumer consumer = builder.build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            boolean ours = realm.issuer().equals(claims.getIssuer()) && claims.getAudience().contains(audience);
            return ours && type.equals(claims.getClaimValueAsString("typ")) ? Optional.of(claims) : Optional.empty();
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}

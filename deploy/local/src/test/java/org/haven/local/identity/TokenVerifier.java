package org.haven.local.identity;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies tokens as a Haven service does: signature against the published JWKS, issuer, expiry, and an audience
 * of the client id the launcher gives the services (their quarkus.oidc[.web].token.audience).
 */
final class TokenVerifier {

    private TokenVerifier() {
    }

    static JwtClaims verify(String token, String jwksJson, String issuer) throws JoseException, InvalidJwtException {
        JsonWebKeySet jwks = new JsonWebKeySet(jwksJson);
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer(issuer)
                .setExpectedAudience(LocalIdentityProvider.CLIENT_ID)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .build()
                .processToClaims(token);
    }
}

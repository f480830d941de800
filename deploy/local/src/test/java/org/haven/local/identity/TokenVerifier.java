package org.haven.local.identity;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/** Verifies tokens as a relying party does: signature against the published JWKS, issuer, audience, expiry. */
final class TokenVerifier {

    private TokenVerifier() {
    }

    static JwtClaims verify(String token, String jwksJson, String issuer) throws JoseException, InvalidJwtException {
        JsonWebKeySet jwks = new JsonWebKeySet(jwksJson);
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer(issuer)
                .setExpectedAudience("haven")
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .build()
                .processToClaims(token);
    }
}

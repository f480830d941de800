package org.haven.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * Access tokens signed with the WireMock OIDC server's key (OidcWiremockTestResource points
 * smallrye.jwt.sign.key.location at it), issued by its issuer, for the audience the test app expects.
 */
final class Tokens {

    static final String ISSUER = "https://server.example.com";
    static final String AUDIENCE = "haven";

    private Tokens() {
    }

    /** A Keycloak-shaped token: roles in realm_access.roles, sites in haven_sites. */
    static String keycloak(String personId, String role, List<String> sites) {
        return claims(personId).claim("realm_access", Map.of("roles", List.of(role))).claim("haven_sites", sites).sign();
    }

    static JwtClaimsBuilder claims(String personId) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("sub-" + personId).preferredUserName(personId).expiresIn(300);
    }

    static String expired(String personId, String role) {
        long now = System.currentTimeMillis() / 1000;
        return claims(personId).claim("realm_access", Map.of("roles", List.of(role))).issuedAt(now - 7200).expiresAt(now - 3600).sign();
    }

    static String signedByAStranger(String personId, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(personId).claim("realm_access", Map.of("roles", List.of(role))).sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

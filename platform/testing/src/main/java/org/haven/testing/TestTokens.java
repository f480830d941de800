package org.haven.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.List;
import java.util.Map;

/**
 * Access tokens for tests, shaped like Keycloak's (roles in {@code realm_access.roles}, sites in
 * {@code haven_sites}, audience {@code haven}) and signed with the test OIDC server's key, so they pass
 * the same verification as production tokens. Use inside a {@code @QuarkusTest}: signing reads the key
 * location from the test application's configuration.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "haven";
    /** Another client of the same realm: its tokens are signed by the same provider but are not for Haven. */
    public static final String ANOTHER_CLIENT = "another-client";

    private TestTokens() {
    }

    public static String staff(String personId, String... sites) {
        return token(personId, "staff", sites);
    }

    public static String supervisor(String personId, String... sites) {
        return token(personId, "supervisor", sites);
    }

    public static String director(String personId, String... sites) {
        return token(personId, "director", sites);
    }

    public static String admin(String personId) {
        return token(personId, "admin");
    }

    public static String token(String personId, String role, String... sites) {
        return claims(personId).claim("realm_access", Map.of("roles", List.of(role))).claim("haven_sites", List.of(sites)).sign();
    }

    /** A token the same provider issued for {@link #ANOTHER_CLIENT}: right issuer, right key, wrong audience. */
    public static String forAnotherClient(String personId, String role, String... sites) {
        return claims(personId).audience(ANOTHER_CLIENT).claim("realm_access", Map.of("roles", List.of(role)))
                .claim("haven_sites", List.of(sites)).sign();
    }

    /** The claims every Haven token has, for a test that needs an unusual token (expired, other audience…). */
    public static JwtClaimsBuilder claims(String personId) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("sub-" + personId).preferredUserName(personId).expiresIn(300);
    }
}

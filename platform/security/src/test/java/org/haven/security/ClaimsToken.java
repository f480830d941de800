package org.haven.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.Set;

/** A token given as its claims, shaped as SmallRye JWT hands them to the application. */
record ClaimsToken(Map<String, Object> claims) implements JsonWebToken {

    @Override
    public String getName() {
        return (String) claims.get("preferred_username");
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }
}

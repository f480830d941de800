package org.haven.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Who is asking, for this request: their person id, their roles and their sites, read from the
 * verified token (the access token for bearer calls, the ID token for a code-flow session — Quarkus
 * OIDC makes that token the identity's principal).
 *
 * <p>With {@code quarkus.http.auth.proactive=false} the identity is resolved on first use, so call
 * this from a blocking endpoint or after a {@code @RolesAllowed}/{@code @Authenticated} check.
 */
@RequestScoped
public class Caller {

    private static final Logger LOG = Logger.getLogger(Caller.class);

    private final SecurityIdentity identity;
    private final IdentityConfig config;
    private Set<String> sites;

    @Inject
    public Caller(SecurityIdentity identity, IdentityConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    /**
     * The caller's person id (the directory's id for them), from the configured person claim.
     *
     * @throws UnauthorizedException when no one is signed in (401)
     * @throws ForbiddenException when the token does not carry the person claim (403): such a
     *         caller cannot be held to their own records
     */
    public String personId() {
        requireAuthenticated();
        JsonWebToken token = token();
        if (token == null) {
            // Identities that do not come from a JWT (for example @TestSecurity) carry only a name.
            return identity.getPrincipal().getName();
        }
        Object claim = token.getClaim(config.personClaim());
        String personId = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (personId == null || personId.isBlank()) {
            LOG.warnf("A token of issuer %s has no '%s' claim; check haven.identity.person-claim", token.getIssuer(),
                    config.personClaim());
            throw new ForbiddenException("The token does not say who the caller is");
        }
        return personId;
    }

    /** Whether the caller holds the role (see {@link HavenRole}) after Quarkus OIDC's role mapping. */
    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The site ids the caller belongs to; empty for anonymous callers and for admins without sites. */
    public Set<String> sites() {
        if (identity.isAnonymous()) {
            return Set.of();
        }
        if (sites == null) {
            JsonWebToken token = token();
            sites = token == null ? Set.of() : SiteClaims.sitesOf(token, config);
        }
        return sites;
    }

    private void requireAuthenticated() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }

    private JsonWebToken token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }
}

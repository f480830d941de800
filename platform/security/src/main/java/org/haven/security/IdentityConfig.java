package org.haven.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which token claims say who the caller is and which sites they belong to. The defaults fit the
 * local identity provider and a Keycloak realm with a user-attribute mapper; Entra ID and Google
 * Workspace are configured through the group claim (see README).
 */
@ConfigMapping(prefix = "haven.identity")
public interface IdentityConfig {

    /** The claim holding the caller's person id, as the directory knows them. */
    @WithDefault("preferred_username")
    String personClaim();

    /** The claim listing site ids directly: a JSON array, or one string separated by spaces or commas. */
    @WithDefault("haven_sites")
    String sitesClaim();

    /** The claim listing group (or app-role) names, some of which grant a site. */
    @WithDefault("groups")
    String siteGroupsClaim();

    /** A group named {@code <prefix><site-id>} grants the site {@code <site-id>}; other groups grant none. */
    @WithDefault("haven-site-")
    String siteGroupPrefix();
}

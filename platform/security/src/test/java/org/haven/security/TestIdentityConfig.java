package org.haven.security;

/** {@link IdentityConfig} with chosen values, for tests outside Quarkus. */
record TestIdentityConfig(String personClaim, String sitesClaim, String siteGroupsClaim, String siteGroupPrefix)
        implements IdentityConfig {

    static TestIdentityConfig defaults() {
        return new TestIdentityConfig("preferred_username", "haven_sites", "groups", "haven-site-");
    }
}

package org.haven.local.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;

/**
 * The one realm and client of the local identity provider, laid out as Keycloak lays out a realm so that
 * the paths in Haven's production docs are the ones used locally.
 */
record Realm(String origin) {

    static final String NAME = "haven";
    static final String PATH = "/realms/" + NAME;
    static final String DISCOVERY = PATH + "/.well-known/openid-configuration";
    static final String OIDC = PATH + "/protocol/openid-connect";
    static final String AUTHORIZE = OIDC + "/auth";
    static final String TOKEN = OIDC + "/token";
    static final String CERTS = OIDC + "/certs";
    static final String USERINFO = OIDC + "/userinfo";
    static final String LOGOUT = OIDC + "/logout";
    static final String LOGIN_ACTION = PATH + "/login-actions/authenticate";
    static final String STYLESHEET = PATH + "/login-actions/login.css";

    static final String CLIENT_ID = "haven";
    static final String CLIENT_SECRET = "haven-local-secret";

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
    /** About one shift: a person stays signed in to the pages through a working day. */
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(10);
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration LOGIN_PAGE_LIFETIME = Duration.ofMinutes(15);

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    static Realm onPort(int port) {
        return new Realm("http://localhost:" + port);
    }

    String issuer() {
        return origin + PATH;
    }

    String url(String path) {
        return origin + path;
    }

    /**
     * Where a code or a signed-out browser may be sent: an http(s) address on this machine. Nothing
     * leaves the machine, and no other site can receive a code.
     */
    static boolean allowsRedirectTo(String uri) {
        if (uri == null || uri.isBlank()) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                    && parsed.getHost() != null && LOOPBACK_HOSTS.contains(parsed.getHost().toLowerCase(java.util.Locale.ROOT))
                    && parsed.getRawUserInfo() == null && parsed.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The origin ({@code scheme://host:port}) of an allowed redirect address. */
    static String originOf(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() >= 0 ? ":" + parsed.getPort() : "");
    }
}

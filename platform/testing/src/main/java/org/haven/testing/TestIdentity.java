package org.haven.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * A real OIDC provider for tests: Quarkus' WireMock OIDC server (discovery, JWKS, token endpoints),
 * started once per test JVM. Services verify {@link TestTokens} against its JWKS exactly as they verify
 * Keycloak's or Entra ID's tokens in production.
 */
final class TestIdentity {

    private static Map<String, String> config;

    private TestIdentity() {
    }

    static synchronized Map<String, String> shared() {
        if (config == null) {
            OidcWiremockTestResource server = new OidcWiremockTestResource();
            Map<String, String> started = new HashMap<>(server.start());
            String base = started.get("keycloak.url");
            started.put("quarkus.oidc.auth-server-url", base + "/realms/quarkus/");
            started.put("quarkus.oidc.credentials.secret", "secret");
            config = Map.copyOf(started);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-oidc-stop"));
        }
        return config;
    }
}

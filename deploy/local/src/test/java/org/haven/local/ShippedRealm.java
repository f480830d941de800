package org.haven.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The realm {@code deploy/kubernetes} ships (its {@code KeycloakRealmImport}), as the Keycloak operator would import
 * it, with a test overlay on top that only adds: the redirect URIs of the services on this machine in place of the
 * public host, the test's people and site groups, and two other clients of the realm. Policies, roles, the Haven
 * client's flows, PKCE and mappers stay exactly as shipped.
 */
final class ShippedRealm {

    static final Path FILE = Path.of("deploy/kubernetes/base/keycloak/realm.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode realm;

    private ShippedRealm(ObjectNode realm) {
        this.realm = realm;
    }

    /** The shipped realm with the operator's placeholders filled in as the Secret haven-oidc-client would fill them. */
    static ShippedRealm read(Path projectRoot, String clientId, String clientSecret) throws IOException {
        String yaml = Files.readString(projectRoot.resolve(FILE))
                .replace("${HAVEN_CLIENT_ID}", clientId).replace("${HAVEN_CLIENT_SECRET}", clientSecret);
        JsonNode resource = new YAMLMapper().readTree(yaml);
        if (!resource.path("kind").asText().equals("KeycloakRealmImport")) {
            throw new IllegalStateException(FILE + " is no longer a KeycloakRealmImport");
        }
        return new ShippedRealm((ObjectNode) resource.path("spec").path("realm").deepCopy());
    }

    ObjectNode json() {
        return realm;
    }

    ObjectNode havenClient(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return (ObjectNode) client;
            }
        }
        throw new IllegalStateException("The shipped realm has no client " + clientId);
    }

    /** Sign-in and sign-out may return to these origins (the services on this machine) instead of the public host. */
    ShippedRealm redirectingTo(Collection<String> origins, String clientId) {
        ObjectNode client = havenClient(clientId);
        client.remove("rootUrl");
        ArrayNode redirects = client.putArray("redirectUris");
        origins.forEach(origin -> redirects.add(origin + "/*"));
        ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris",
                origins.stream().map(origin -> origin + "/*").collect(Collectors.joining("##")));
        return this;
    }

    ShippedRealm withSiteGroups(String... siteIds) {
        ArrayNode groups = realm.withArray("groups");
        for (String site : siteIds) {
            groups.addObject().put("name", "haven-site-" + site);
        }
        return this;
    }

    /** A person with a password that passes the realm's policy, one realm role and the site groups of {@code sites}. */
    ShippedRealm withPerson(String username, String password, String role, String... sites) {
        ObjectNode user = realm.withArray("users").addObject();
        user.put("username", username).put("enabled", true).put("email", username + "@haven.test").put("emailVerified", true)
                .put("firstName", "Test").put("lastName", username);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        user.putArray("realmRoles").add(role);
        ArrayNode groups = user.putArray("groups");
        for (String site : sites) {
            groups.add("/haven-site-" + site);
        }
        return this;
    }

    /**
     * Another application of the same realm (a payroll app, say) whose tokens carry the person's roles and groups,
     * obtainable by password grant; {@code audience} adds an audience mapper for that client id, or none when null.
     */
    ShippedRealm withOtherClient(String clientId, String secret, String audience) {
        ObjectNode client = realm.withArray("clients").addObject();
        client.put("clientId", clientId).put("enabled", true).put("protocol", "openid-connect").put("publicClient", false)
                .put("secret", secret).put("standardFlowEnabled", false).put("directAccessGrantsEnabled", true);
        ArrayNode mappers = client.putArray("protocolMappers");
        ObjectNode groups = mappers.addObject().put("name", "groups").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-group-membership-mapper");
        groups.putObject("config").put("claim.name", "groups").put("full.path", "false").put("access.token.claim", "true");
        if (audience != null) {
            ObjectNode mapper = mappers.addObject().put("name", "audience").put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-audience-mapper");
            mapper.putObject("config").put("included.client.audience", audience).put("access.token.claim", "true");
        }
        return this;
    }

    List<String> roleNames() {
        return realm.path("roles").path("realm").findValuesAsText("name");
    }

    @Override
    public String toString() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
        } catch (IOException e) {
            return realm.toString();
        }
    }
}

package org.haven.local.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalIdentityProviderTest {

    @TempDir
    Path data;

    private LocalIdentityProvider provider;
    private final Browser browser = new Browser();

    @BeforeEach
    void start() throws Exception {
        provider = LocalIdentityProvider.start(data, 0);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void discoveryDescribesAKeycloakShapedRealm() throws Exception {
        String issuer = "http://localhost:" + provider.port() + "/realms/haven";
        HttpResponse<String> response = browser.get(issuer + "/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = Browser.json(response);
        assertThat(provider.issuer()).isEqualTo(issuer);
        assertThat(discovery.path("issuer").asText()).isEqualTo(issuer);
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(issuer + "/protocol/openid-connect/certs");
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(issuer + "/protocol/openid-connect/token");
        assertThat(discovery.path("authorization_endpoint").asText()).isEqualTo(issuer + "/protocol/openid-connect/auth");
        assertThat(discovery.path("userinfo_endpoint").asText()).isEqualTo(issuer + "/protocol/openid-connect/userinfo");
        assertThat(discovery.path("end_session_endpoint").asText()).isEqualTo(issuer + "/protocol/openid-connect/logout");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(discovery.path("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
    }

    @Test
    void passwordGrantIssuesTokensThatVerifyAgainstTheJwks() throws Exception {
        HttpResponse<String> response = passwordGrant("dir-1", "demo");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode tokens = Browser.json(response);
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();

        JwtClaims access = TokenVerifier.verify(tokens.path("access_token").asText(), jwks(), provider.issuer());
        assertThat(access.getSubject()).isNotBlank().isNotEqualTo("dir-1");
        assertThat(access.getAudience()).containsExactly(LocalIdentityProvider.CLIENT_ID);
        assertThat(access.getClaimValueAsString("azp")).isEqualTo("haven");
        assertThat(access.getExpirationTime().getValue() - access.getIssuedAt().getValue()).isEqualTo(3600);
        assertThat(access.getClaimValueAsString("preferred_username")).isEqualTo("dir-1");
        assertThat(access.getClaimValueAsString("name")).isEqualTo("Alex Morgan");
        assertThat(access.getClaimValueAsString("email")).isEqualTo("alex.morgan@haven.example");
        assertThat(access.getClaimValue("realm_access", Map.class)).isEqualTo(Map.of("roles", List.of("director")));
        assertThat(access.getStringListClaimValue("groups")).containsExactly("director");
        assertThat(access.getStringListClaimValue("haven_sites")).containsExactly("site-north", "site-south");

        JwtClaims id = TokenVerifier.verify(tokens.path("id_token").asText(), jwks(), provider.issuer());
        assertThat(id.getClaimValueAsString("typ")).isEqualTo("ID");
        assertThat(id.getAudience()).containsExactly(LocalIdentityProvider.CLIENT_ID);
        assertThat(id.getSubject()).isEqualTo(access.getSubject());
    }

    @Test
    void everyDemoPersonSignsInWithTheirRoleAndSites() throws Exception {
        Map<String, List<String>> sites = Map.of("staff-ana", List.of("site-north"), "staff-ben", List.of("site-north"),
                "staff-cy", List.of("site-south"), "sup-north", List.of("site-north"), "sup-south", List.of("site-south"),
                "dir-1", List.of("site-north", "site-south"), "admin", List.of());
        Map<String, String> roles = Map.of("staff-ana", "staff", "staff-ben", "staff", "staff-cy", "staff",
                "sup-north", "supervisor", "sup-south", "supervisor", "dir-1", "director", "admin", "admin");
        for (String person : sites.keySet()) {
            JwtClaims claims = TokenVerifier.verify(Browser.json(passwordGrant(person, "demo")).path("access_token").asText(),
                    jwks(), provider.issuer());
            assertThat(claims.getStringListClaimValue("haven_sites")).as(person).isEqualTo(sites.get(person));
            assertThat(claims.getStringListClaimValue("groups")).as(person).containsExactly(roles.get(person));
        }
    }

    @Test
    void wrongPasswordIsRefusedAsAnOAuthError() throws Exception {
        HttpResponse<String> response = passwordGrant("sup-north", "wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = Browser.json(response);
        assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(error.has("access_token")).isFalse();
        assertThat(passwordGrant("nobody", "demo").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongClientSecretIsRefusedAsInvalidClient() throws Exception {
        HttpResponse<String> response = browser.postAsClient(provider.tokenEndpoint(), "haven", "guess",
                Map.of("grant_type", "password", "username", "sup-north", "password", "demo"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(Browser.json(response).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void clientMayAuthenticateWithSecretInTheForm() throws Exception {
        HttpResponse<String> response = browser.postForm(provider.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "haven", "client_secret", "haven-local-secret", "username", "staff-ana", "password", "demo"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownGrantTypeIsRefused() throws Exception {
        HttpResponse<String> response = browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "client_credentials"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Browser.json(response).path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void refreshTokenGivesNewTokensButIsNoAccessToken() throws Exception {
        JsonNode first = Browser.json(passwordGrant("sup-south", "demo"));
        String refreshToken = first.path("refresh_token").asText();

        HttpResponse<String> refreshed = browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));

        assertThat(refreshed.statusCode()).isEqualTo(200);
        JwtClaims access = TokenVerifier.verify(Browser.json(refreshed).path("access_token").asText(), jwks(), provider.issuer());
        assertThat(access.getClaimValueAsString("preferred_username")).isEqualTo("sup-south");
        assertThat(access.getClaimValueAsString("sid")).isEqualTo(first.path("session_state").asText());
        assertThatThrownBy(() -> TokenVerifier.verify(refreshToken, jwks(), provider.issuer())).isInstanceOf(InvalidJwtException.class);
        HttpResponse<String> forged = browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "refresh_token", "refresh_token", first.path("access_token").asText()));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(Browser.json(forged).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void userInfoDescribesTheBearerOfAnAccessToken() throws Exception {
        String accessToken = Browser.json(passwordGrant("staff-cy", "demo")).path("access_token").asText();

        HttpResponse<String> info = browser.get(provider.issuer() + "/protocol/openid-connect/userinfo", accessToken);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(Browser.json(info).path("preferred_username").asText()).isEqualTo("staff-cy");
        assertThat(Browser.json(info).path("haven_sites").toString()).isEqualTo("[\"site-south\"]");

        HttpResponse<String> refused = browser.get(provider.issuer() + "/protocol/openid-connect/userinfo", "not-a-token");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void tokensIssuedBeforeARestartStillVerifyAfterIt() throws Exception {
        int port = provider.port();
        String before = Browser.json(passwordGrant("sup-north", "demo")).path("access_token").asText();
        provider.close();

        provider = LocalIdentityProvider.start(data, port);

        JwtClaims claims = TokenVerifier.verify(before, jwks(), provider.issuer());
        assertThat(claims.getClaimValueAsString("preferred_username")).isEqualTo("sup-north");
        assertThat(data.resolve("identity/token-signing-key.jwk")).isRegularFile();
    }

    @Test
    void aTokenFromAnotherDataDirectoryDoesNotVerify(@TempDir Path otherData) throws Exception {
        int port = provider.port();
        String before = Browser.json(passwordGrant("sup-north", "demo")).path("access_token").asText();
        provider.close();

        provider = LocalIdentityProvider.start(otherData, port);

        assertThatThrownBy(() -> TokenVerifier.verify(before, jwks(), provider.issuer())).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void jwksPublishesOnlyThePublicKey() throws Exception {
        JsonNode key = Browser.json(browser.get(provider.issuer() + "/protocol/openid-connect/certs")).path("keys").get(0);

        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.path("alg").asText()).isEqualTo("RS256");
        assertThat(key.path("use").asText()).isEqualTo("sig");
        assertThat(key.path("kid").asText()).isNotBlank();
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }

    private HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        return browser.postAsClient(provider.tokenEndpoint(), "haven", "haven-local-secret",
                Map.of("grant_type", "password", "username", username, "password", password, "scope", "openid"));
    }

    private String jwks() throws Exception {
        return browser.get(provider.issuer() + "/protocol/openid-connect/certs").body();
    }
}

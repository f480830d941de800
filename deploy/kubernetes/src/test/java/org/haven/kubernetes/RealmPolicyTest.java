package org.haven.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm Keycloak imports, in compose and in every Kubernetes overlay: passwords an attacker cannot guess
 * from the username or an old leak, one-time passwords available to everyone, and access tokens whose
 * audience is Haven's client (the services refuse any other audience).
 */
class RealmPolicyTest {

    private static final Pattern POLICY = Pattern.compile("(\\w+)(?:\\(([^)]*)\\))?");

    static Stream<String> realms() {
        return Stream.concat(Stream.of("compose"), Overlays.names().stream().map(name -> "overlay " + name));
    }

    @ParameterizedTest
    @MethodSource("realms")
    void passwordsAreLongNotTheUsernameAndNotReused(String source) {
        Map<String, String> policy = passwordPolicy(realm(source).path("passwordPolicy").asText());

        assertThat(policy).containsKeys("length", "notUsername", "passwordHistory");
        assertThat(Integer.parseInt(policy.get("length"))).isGreaterThanOrEqualTo(12);
        assertThat(Integer.parseInt(policy.get("passwordHistory"))).isGreaterThanOrEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("realms")
    void oneTimePasswordsAreConfiguredAndAnyoneCanBeAskedToSetOneUp(String source) {
        JsonNode realm = realm(source);

        assertThat(realm.path("otpPolicyType").asText()).isEqualTo("totp");
        assertThat(realm.path("otpPolicyDigits").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(realm.path("otpPolicyPeriod").asInt()).isBetween(30, 60);
        assertThat(realm.path("otpPolicyCodeReusable").isBoolean()).isTrue();
        assertThat(realm.path("otpPolicyCodeReusable").asBoolean()).isFalse();
        Map<String, JsonNode> actions = elements(realm.path("requiredActions"))
                .collect(Collectors.toMap(action -> action.path("alias").asText(), Function.identity()));
        assertThat(actions.get("CONFIGURE_TOTP")).isNotNull();
        assertThat(actions.get("CONFIGURE_TOTP").path("enabled").asBoolean()).isTrue();
        // listing required actions replaces Keycloak's defaults: those sign-in and password reset rely on stay on
        for (String kept : new String[] {"UPDATE_PASSWORD", "UPDATE_PROFILE", "VERIFY_EMAIL", "VERIFY_PROFILE"}) {
            assertThat(actions.get(kept)).as(kept).isNotNull();
            assertThat(actions.get(kept).path("enabled").asBoolean()).as(kept).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("realms")
    void accessTokensOfTheHavenClientCarryItsIdAsAudience(String source) {
        JsonNode client = realm(source).path("clients").get(0);
        JsonNode audience = elements(client.path("protocolMappers"))
                .filter(mapper -> mapper.path("protocolMapper").asText().equals("oidc-audience-mapper"))
                .findFirst().orElseThrow(() -> new AssertionError(source + ": the client has no audience mapper"));

        assertThat(audience.path("config").path("included.client.audience").asText()).isEqualTo(client.path("clientId").asText());
        assertThat(audience.path("config").path("access.token.claim").asText()).isEqualTo("true");
    }

    @Test
    void composeAndKubernetesShipTheSamePolicies() {
        JsonNode compose = realm("compose");
        JsonNode kubernetes = realm("overlay prod");

        for (String field : List.of("passwordPolicy", "otpPolicyType", "otpPolicyAlgorithm", "otpPolicyDigits", "otpPolicyPeriod",
                "otpPolicyLookAheadWindow", "otpPolicyInitialCounter", "otpPolicyCodeReusable", "requiredActions")) {
            assertThat(compose.path(field)).as(field).isEqualTo(kubernetes.path(field));
        }
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode realm(String source) {
        try {
            if (source.equals("compose")) {
                return new ObjectMapper().readTree(Repository.deploy().resolve("compose/keycloak/haven-realm.json").toFile());
            }
            String overlay = source.substring("overlay ".length());
            return new ObjectMapper().valueToTree(Maps.map(Overlays.get(overlay).singleCustom("KeycloakRealmImport"), "spec.realm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak's policy string, e.g. {@code length(12) and notUsername(undefined)}, as policy id → argument. */
    private static Map<String, String> passwordPolicy(String policy) {
        return Arrays.stream(policy.split("\\s+and\\s+")).map(String::trim).filter(part -> !part.isEmpty())
                .map(part -> {
                    Matcher matcher = POLICY.matcher(part);
                    assertThat(matcher.matches()).as("policy part " + part).isTrue();
                    return matcher;
                })
                .collect(Collectors.toMap(matcher -> matcher.group(1), matcher -> matcher.group(2) == null ? "" : matcher.group(2)));
    }
}

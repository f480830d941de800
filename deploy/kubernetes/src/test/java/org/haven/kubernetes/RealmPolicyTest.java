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
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm Keycloak imports, in compose and in every Kubernetes overlay: passwords an attacker cannot guess
 * from the username or an old leak, one-time passwords available to everyone and required of admins and
 * directors, and access tokens whose audience is Haven's client (the services refuse any other audience).
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

    /**
     * Reads the realm's browser flow the way Keycloak runs it: the username/password form, then each CONDITIONAL
     * sub-flow whose conditions all hold (conditions are ANDed). A REQUIRED OTP form that applies to someone who has
     * no authenticator app yet makes Keycloak ask them to set one up, so "asked" here means "cannot get in without".
     */
    @ParameterizedTest
    @MethodSource("realms")
    void adminsAndDirectorsMustGiveAOneTimePasswordStaffAndSupervisorsOnlyIfTheySetOneUp(String source) {
        JsonNode realm = realm(source);

        for (boolean configured : new boolean[] {false, true}) {
            assertThat(otpFormsAsked(realm, Set.of("admin"), configured)).as("admin, app set up: " + configured).isEqualTo(1);
            assertThat(otpFormsAsked(realm, Set.of("director"), configured)).as("director, app set up: " + configured).isEqualTo(1);
            assertThat(otpFormsAsked(realm, Set.of("director", "admin"), configured)).as("director and admin").isEqualTo(1);
            assertThat(otpFormsAsked(realm, Set.of("staff", "director"), configured)).as("staff and director").isEqualTo(1);
        }
        for (String role : List.of("staff", "supervisor")) {
            assertThat(otpFormsAsked(realm, Set.of(role), false)).as(role + " without an app").isZero();
            assertThat(otpFormsAsked(realm, Set.of(role), true)).as(role + " with an app").isEqualTo(1);
        }
    }

    /** How many OTP forms Keycloak shows a person with these realm roles after their password. */
    private static int otpFormsAsked(JsonNode realm, Set<String> roles, boolean otpConfigured) {
        Map<String, JsonNode> flows = elements(realm.path("authenticationFlows"))
                .collect(Collectors.toMap(flow -> flow.path("alias").asText(), Function.identity()));
        Map<String, JsonNode> configs = elements(realm.path("authenticatorConfig"))
                .collect(Collectors.toMap(config -> config.path("alias").asText(), config -> config.path("config")));
        JsonNode browser = flows.get(realm.path("browserFlow").asText());
        assertThat(browser).as("the realm's browserFlow is one of its own flows").isNotNull();
        assertThat(browser.path("topLevel").asBoolean()).isTrue();
        JsonNode forms = elements(browser.path("authenticationExecutions"))
                .filter(execution -> execution.path("authenticatorFlow").asBoolean())
                .map(execution -> flows.get(execution.path("flowAlias").asText()))
                .filter(flow -> flow != null && elements(flow.path("authenticationExecutions"))
                        .anyMatch(execution -> execution.path("authenticator").asText().equals("auth-username-password-form")
                                && execution.path("requirement").asText().equals("REQUIRED")))
                .findFirst().orElseThrow(() -> new AssertionError("the browser flow has no username/password sub-flow"));
        int asked = 0;
        for (JsonNode execution : (Iterable<JsonNode>) () -> forms.path("authenticationExecutions").elements()) {
            String requirement = execution.path("requirement").asText();
            if (!execution.path("authenticatorFlow").asBoolean()) {
                asked += execution.path("authenticator").asText().equals("auth-otp-form") && requirement.equals("REQUIRED") ? 1 : 0;
                continue;
            }
            JsonNode subFlow = flows.get(execution.path("flowAlias").asText());
            assertThat(subFlow).as(execution.path("flowAlias").asText()).isNotNull();
            boolean applies = switch (requirement) {
                case "REQUIRED" -> true;
                case "CONDITIONAL" -> elements(subFlow.path("authenticationExecutions"))
                        .filter(step -> step.path("authenticator").asText().startsWith("conditional-"))
                        .allMatch(condition -> holds(condition, configs, roles, otpConfigured));
                default -> false;
            };
            if (applies) {
                asked += (int) elements(subFlow.path("authenticationExecutions"))
                        .filter(step -> step.path("authenticator").asText().equals("auth-otp-form")
                                && step.path("requirement").asText().equals("REQUIRED"))
                        .count();
            }
        }
        return asked;
    }

    private static boolean holds(JsonNode condition, Map<String, JsonNode> configs, Set<String> roles, boolean otpConfigured) {
        String authenticator = condition.path("authenticator").asText();
        switch (authenticator) {
            case "conditional-user-configured":
                return otpConfigured;
            case "conditional-user-role":
                JsonNode config = configs.get(condition.path("authenticatorConfig").asText());
                assertThat(config).as("config " + condition.path("authenticatorConfig").asText()).isNotNull();
                boolean hasRole = roles.contains(config.path("condUserRole").asText());
                return hasRole != Boolean.parseBoolean(config.path("negate").asText());
            default:
                throw new AssertionError("a condition this test cannot read: " + authenticator);
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
                "otpPolicyLookAheadWindow", "otpPolicyInitialCounter", "otpPolicyCodeReusable", "requiredActions",
                "browserFlow", "authenticatorConfig", "authenticationFlows")) {
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

package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haven.events.HavenEvents;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** deploy/compose runs the same services, topics and databases as the Kubernetes overlays. */
class ComposeTest {

    private static final Set<String> SERVICE_ENVIRONMENT = Set.of("DB_URL", "DB_USER", "DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SDK_DISABLED",
            "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_AUDIENCE");
    private static final Set<String> IDENTITY_AHEAD_OF_USE = Set.of("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_AUDIENCE");

    @Test
    void composeCreatesExactlyHavensTopicsWithThePartitionCountOfTheManifests() {
        Map<String, Object> topics = service("kafka-topics");

        List<String> names = Arrays.asList(Maps.string(topics, "environment.HAVEN_TOPICS").trim().split("\\s+"));
        assertThat(names).containsExactlyInAnyOrderElementsOf(HavenEvents.ALL_TOPICS);
        int partitions = Overlays.get("prod").all(KafkaTopic.class).get(0).getSpec().getPartitions();
        assertThat(Maps.integer(topics, "environment.HAVEN_PARTITIONS")).isEqualTo(partitions);
    }

    @Test
    void everyServiceRunsItsPinnedImageHardenedWithItsOwnDatabase() {
        String initScript = Repository.read(Repository.deploy().resolve("compose/postgres-init/10-haven-databases.sh"));
        for (String name : Repository.SERVICES) {
            Map<String, Object> service = service(name);
            String database = "haven_" + name.replace("-service", "");

            assertThat(Maps.string(service, "image")).isEqualTo("ghcr.io/haven/" + name + ":" + releaseTag());
            assertThat(Maps.map(service, "environment")).containsKeys(SERVICE_ENVIRONMENT.toArray(String[]::new));
            assertThat(Maps.string(service, "environment.DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            assertThat(Maps.string(service, "environment.DB_USER")).isEqualTo(database);
            assertThat(Maps.string(service, "environment.KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(initScript).contains(database.replace("haven_", ""));
            assertThat(service.get("read_only")).isEqualTo(true);
            assertThat(Maps.optional(service, "cap_drop")).contains(List.of("ALL"));
            assertThat(Maps.string(service, "build.dockerfile")).endsWith("deploy/docker/Dockerfile");
            assertThat(Maps.string(service, "build.context")).isEqualTo("../../" + name + "/target/quarkus-app");
        }
        assertThat(Maps.string(service("notification-service"), "environment.SMTP_HOST")).isEqualTo("mailpit");
    }

    @Test
    void everyServiceGetsTheVariablesItRequiresAndNoneItIgnores() {
        ServiceProperties.ofServices().forEach((name, expected) -> {
            Set<String> given = Maps.map(service(name), "environment").keySet();

            assertThat(given).as(name).containsAll(expected.requiredVariables());
            assertThat(given.stream().filter(variable -> !IDENTITY_AHEAD_OF_USE.contains(variable))
                    .filter(variable -> !expected.variables().contains(variable)))
                    .as(name + ": variables its application.properties never reads").isEmpty();
        });
    }

    @Test
    void notificationServiceSignsAcknowledgementLinksWithAKeyTheAdminMustSupply() {
        assertThat(Maps.string(service("notification-service"), "environment.HAVEN_ACK_LINK_SECRET"))
                .as("compose stops when it is not set").startsWith("${HAVEN_ACK_LINK_SECRET:?");
        assertThat(Repository.read(Repository.deploy().resolve("compose/.env.example"))).containsPattern("(?m)^HAVEN_ACK_LINK_SECRET=$");
    }

    @Test
    void everyServiceThatSignsCsrfTokensGetsAKeyTheAdminMustSupply() {
        // Unset, Quarkus' CSRF filter falls back to an unsigned cookie match: compose should stop instead.
        List<String> signers = ServiceProperties.ofServices().entrySet().stream()
                .filter(service -> service.getValue().variables().contains("CSRF_SIGNATURE_KEY"))
                .map(Map.Entry::getKey).toList();
        assertThat(signers).contains("debrief-service", "wellness-service");
        for (String name : signers) {
            assertThat(Maps.string(service(name), "environment.CSRF_SIGNATURE_KEY"))
                    .as(name + ": compose stops when it is not set").startsWith("${HAVEN_CSRF_SIGNATURE_KEY:?");
        }
        assertThat(Repository.read(Repository.deploy().resolve("compose/.env.example"))).containsPattern("(?m)^HAVEN_CSRF_SIGNATURE_KEY=$");
    }

    @Test
    void wellnessServiceSealsAnswersWithAKeyTheAdminMustSupply() {
        // In its prod profile the service refuses to start without one; compose should say so before it starts.
        assertThat(Maps.string(service("wellness-service"), "environment.WELLNESS_ANSWERS_KEY"))
                .as("compose stops when it is not set").startsWith("${WELLNESS_ANSWERS_KEY:?");
        assertThat(Repository.read(Repository.deploy().resolve("compose/.env.example"))).containsPattern("(?m)^WELLNESS_ANSWERS_KEY=$");
    }

    @Test
    void keycloakImportsTheSameRealmAsTheKubernetesOverlays() throws Exception {
        JsonNode compose = new ObjectMapper().readTree(Repository.deploy().resolve("compose/keycloak/haven-realm.json").toFile());
        JsonNode kubernetes = new ObjectMapper().valueToTree(Maps.map(Overlays.get("prod").singleCustom("KeycloakRealmImport"), "spec.realm"));

        assertThat(compose.path("realm")).isEqualTo(kubernetes.path("realm"));
        assertThat(compose.path("roles")).isEqualTo(kubernetes.path("roles"));
        JsonNode composeClient = compose.path("clients").get(0);
        JsonNode kubernetesClient = kubernetes.path("clients").get(0);
        for (String field : List.of("clientId", "secret", "publicClient", "standardFlowEnabled", "directAccessGrantsEnabled", "protocolMappers")) {
            assertThat(composeClient.path(field)).as(field).isEqualTo(kubernetesClient.path(field));
        }
        assertThat(Maps.string(service("keycloak"), "environment.HAVEN_CLIENT_ID"))
                .isEqualTo(Maps.string(service("incident-service"), "environment.OIDC_CLIENT_ID"));
    }

    @Test
    void everyImageIsPinnedAndNoPasswordIsWrittenDown() {
        Map<String, Object> services = Maps.map(compose(), "services");

        services.forEach((name, definition) -> {
            String image = Maps.string(Maps.asMap(definition), "image");
            assertThat(PodPolicy.imageProblem(image)).as(name).isEmpty();
            Maps.optionalMap(Maps.asMap(definition), "environment").ifPresent(environment -> environment.forEach((key, value) -> {
                if (key.contains("PASSWORD") || key.contains("SECRET")) {
                    assertThat(String.valueOf(value)).as(name + " " + key).startsWith("${");
                }
            }));
        });
    }

    private static String releaseTag() {
        String image = Overlays.get("prod").service("incident-service").getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        return image.substring(image.lastIndexOf(':') + 1);
    }

    private static Map<String, Object> service(String name) {
        return Maps.map(Maps.map(compose(), "services"), name);
    }

    private static Map<String, Object> compose() {
        return new Yaml().load(Repository.read(Repository.deploy().resolve("compose/compose.yaml")));
    }
}

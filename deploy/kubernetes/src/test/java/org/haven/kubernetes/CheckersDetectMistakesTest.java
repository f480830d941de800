package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The checkers the manifest tests rely on report the mistakes they exist to catch. */
class CheckersDetectMistakesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: careless
            spec:
              selector:
                matchLabels: {app: careless}
              template:
                metadata:
                  labels: {app: careless}
                spec:
                  containers:
                    - name: careless
                      image: ghcr.io/haven/careless
                      readinesProbe:
                        httpGet: {path: /q/health/ready, port: 8080}
                      securityContext:
                        runAsNonRoot: true
            """;

    @Test
    void aMisspelledFieldIsReportedWithItsPath() {
        HasMetadata deployment = Manifests.parse(DEPLOYMENT).get(0);

        assertThat(deployment).isInstanceOf(Deployment.class);
        assertThat(UnknownFields.in(deployment)).containsExactly("spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void aStrimziTopicWithAMisspelledFieldIsReported() {
        HasMetadata topic = Manifests.parse("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: incident.events}
                spec: {partitions: 6, replica: 3}
                """).get(0);

        assertThat(UnknownFields.in(topic)).containsExactly("spec.replica");
    }

    @Test
    void aCustomResourceKeyTheCrdDoesNotHaveIsReported() {
        Map<String, Object> cluster = Manifests.readYamlMap("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: haven-postgres, labelz: {a: b}}
                spec:
                  instance: 3
                  storage: {size: 1Gi, sise: 2Gi}
                  managed:
                    roles:
                      - {name: haven_incident, pasword: x}
                  postgresql:
                    parameters: {anything_goes: "1"}
                """);

        assertThat(CustomResourceKeys.unknownIn(cluster))
                .containsExactlyInAnyOrder("spec.instance", "spec.storage.sise", "spec.managed.roles[0].pasword", "metadata.labelz");
    }

    @Test
    void aPodWithoutLimitsProbesOrAHardenedContextViolatesThePolicy() {
        Deployment deployment = (Deployment) Manifests.parse(DEPLOYMENT).get(0);

        List<String> violations = PodPolicy.violations("Deployment/careless", deployment.getSpec().getTemplate());

        assertThat(violations).contains(
                "Deployment/careless/careless: image ghcr.io/haven/careless has no tag (that means latest)",
                "Deployment/careless/careless: no cpu request",
                "Deployment/careless/careless: no memory limit",
                "Deployment/careless/careless: readOnlyRootFilesystem is not true",
                "Deployment/careless/careless: allowPrivilegeEscalation is not false",
                "Deployment/careless/careless: does not drop ALL capabilities",
                "Deployment/careless/careless: /tmp is not an emptyDir (the root filesystem is read-only)",
                "Deployment/careless/careless: no startupProbe",
                "Deployment/careless/careless: no livenessProbe",
                "Deployment/careless: automountServiceAccountToken is not false");
        assertThat(violations).noneMatch(violation -> violation.contains("runAsNonRoot"));
    }

    @Test
    void latestAndUntaggedImagesAreRejectedAndDigestsAccepted() {
        assertThat(PodPolicy.imageProblem("ghcr.io/haven/incident-service:latest")).isPresent();
        assertThat(PodPolicy.imageProblem("localhost:5000/haven/incident-service")).isPresent();
        assertThat(PodPolicy.imageProblem("localhost:5000/haven/incident-service:0.1.0")).isEmpty();
        assertThat(PodPolicy.imageProblem("ghcr.io/haven/incident-service@sha256:" + "a".repeat(64))).isEmpty();
    }
}

package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;

class WorkloadPolicyTest {

    private static final String SEMVER = "\\d+\\.\\d+\\.\\d+";

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyWorkloadRunsNonRootReadOnlyWithProbesAndLimits(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        List<String> violations = new ArrayList<>();

        overlay.podTemplates().forEach((workload, template) -> violations.addAll(PodPolicy.violations(workload, template)));

        assertThat(overlay.podTemplates()).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void havenServicesProbeTheirQuarkusHealthChecksOnTheHttpPort(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        for (String service : Repository.SERVICES) {
            Container container = overlay.service(service).getSpec().getTemplate().getSpec().getContainers().get(0);

            assertThat(container.getPorts()).singleElement()
                    .satisfies(port -> {
                        assertThat(port.getName()).isEqualTo("http");
                        assertThat(port.getContainerPort()).isEqualTo(8080);
                    });
            assertThat(overlay.requiredEnvironment(service, "QUARKUS_HTTP_PORT")).isEqualTo("8080");
            assertProbe(container.getStartupProbe(), "/q/health/started");
            assertProbe(container.getReadinessProbe(), "/q/health/ready");
            assertProbe(container.getLivenessProbe(), "/q/health/live");
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyServiceRunsThePinnedReleaseOfItsOwnImage(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Set<String> versions = new TreeSet<>();
        for (String service : Repository.SERVICES) {
            String image = overlay.service(service).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();

            assertThat(image).matches("ghcr\\.io/haven/" + service + ":" + SEMVER);
            versions.add(image.substring(image.lastIndexOf(':') + 1));
        }
        assertThat(versions).as("one release: every service at the same version").hasSize(1);
    }

    @Test
    void prodSetsTheReleaseTagOfEveryServiceImage() {
        Map<String, Object> kustomization = Manifests.readYamlMap(
                Repository.read(Repository.overlays().resolve("prod/kustomization.yaml")));
        RenderedOverlay prod = Overlays.get("prod");

        List<Map<String, Object>> images = Maps.list(kustomization, "images");
        for (String service : Repository.SERVICES) {
            String newTag = images.stream()
                    .filter(image -> ("ghcr.io/haven/" + service).equals(image.get("name")))
                    .map(image -> String.valueOf(image.get("newTag")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("prod sets no tag for " + service));

            assertThat(newTag).matches(SEMVER);
            assertThat(prod.service(service).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .endsWith(":" + newTag);
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void platformImagesAndVersionsArePinned(String name) {
        RenderedOverlay overlay = Overlays.get(name);

        String postgresImage = Maps.string(overlay.singleCustom("Cluster"), "spec.imageName");
        assertThat(PodPolicy.imageProblem(postgresImage)).isEmpty();
        assertThat(overlay.single(Kafka.class).getSpec().getKafka().getVersion()).matches(SEMVER);
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyServiceAutoscalesAndSurvivesADrainOneNodeAtATime(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        int leastReplicas = name.equals("prod") ? 2 : 1;
        for (String service : Repository.SERVICES) {
            HorizontalPodAutoscaler hpa = overlay.one(HorizontalPodAutoscaler.class, service);
            PodDisruptionBudget pdb = overlay.one(PodDisruptionBudget.class, service);

            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(leastReplicas);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
            assertThat(overlay.service(service).getSpec().getReplicas())
                    .as("%s: the HPA owns the replica count", service).isNull();
            assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            assertThat(pdb.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(overlay.service(service).getSpec().getSelector().getMatchLabels());
        }
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(probe.getTimeoutSeconds()).isNotNull();
    }
}

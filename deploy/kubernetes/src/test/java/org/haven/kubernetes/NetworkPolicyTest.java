package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;

class NetworkPolicyTest {

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyWorkloadIsSelectedByAPolicyThatDeniesWhatItDoesNotAllow(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        List<String> unprotected = new ArrayList<>();

        overlay.podTemplates().forEach((workload, template) -> {
            Map<String, String> labels = template.getMetadata().getLabels();
            boolean isolated = overlay.all(NetworkPolicy.class).stream()
                    .filter(policy -> selects(policy.getSpec().getPodSelector(), labels))
                    .anyMatch(policy -> policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
            if (!isolated) {
                unprotected.add(workload);
            }
        });
        assertThat(unprotected).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void servicesAcceptTrafficOnlyFromTheIngressControllerAndPrometheus(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        for (String service : Repository.SERVICES) {
            NetworkPolicy policy = overlay.one(NetworkPolicy.class, service);

            assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
                assertThat(rule.getPorts()).extracting(port -> port.getPort().getStrVal()).containsExactly("http");
                assertThat(rule.getFrom()).hasSize(2).allSatisfy(NetworkPolicyTest::assertNamespaceAndPodRestricted);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void servicesReachOnlyDnsKafkaPostgresKeycloakAndTheTraceCollector(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String kafka = overlay.single(Kafka.class).getMetadata().getName();
        int kafkaPort = overlay.single(Kafka.class).getSpec().getKafka().getListeners().stream()
                .filter(listener -> listener.isTls() && listener.getAuth() != null)
                .mapToInt(listener -> listener.getPort())
                .findFirst().orElseThrow();
        String postgres = Maps.string(overlay.singleCustom("Cluster"), "metadata.name");
        String keycloak = Maps.string(overlay.singleCustom("Keycloak"), "metadata.name");

        for (String service : Repository.SERVICES) {
            List<NetworkPolicyEgressRule> egress = overlay.one(NetworkPolicy.class, service).getSpec().getEgress();

            assertThat(egress).allSatisfy(rule -> {
                assertThat(rule.getTo()).as(service + ": egress to anywhere").isNotEmpty();
                assertThat(rule.getPorts()).as(service + ": egress on any port").isNotEmpty();
            });
            assertThat(ports(egress, peer -> labelled(peer, "k8s-app", "kube-dns"))).contains(53);
            assertThat(ports(egress, peer -> labelled(peer, "strimzi.io/cluster", kafka))).containsExactly(kafkaPort);
            assertThat(ports(egress, peer -> labelled(peer, "cnpg.io/cluster", postgres))).containsExactly(5432);
            assertThat(ports(egress, peer -> labelled(peer, "app.kubernetes.io/instance", keycloak))).containsExactly(8080);
            assertThat(ports(egress, peer -> peer.getNamespaceSelector() != null && peer.getPodSelector() == null)).containsExactly(4317);

            Set<Integer> smtp = mailRelayPorts(egress);
            if (service.equals("notification-service")) {
                assertThat(smtp).containsExactly(Integer.parseInt(overlay.requiredEnvironment(service, "SMTP_PORT")));
            } else {
                assertThat(smtp).as(service + " sends no mail").isEmpty();
            }
        }
    }

    /** Ports open towards a mail relay: an address block outside the cluster, or Mailpit in dev. */
    private static Set<Integer> mailRelayPorts(List<NetworkPolicyEgressRule> egress) {
        return ports(egress, peer -> peer.getIpBlock() != null || labelled(peer, "app.kubernetes.io/name", "mailpit"));
    }

    private static Set<Integer> ports(List<NetworkPolicyEgressRule> egress, Predicate<NetworkPolicyPeer> destination) {
        Set<Integer> ports = new TreeSet<>();
        for (NetworkPolicyEgressRule rule : egress) {
            if (rule.getTo().stream().anyMatch(destination)) {
                rule.getPorts().stream().map(NetworkPolicyPort::getPort).map(port -> port.getIntVal()).forEach(ports::add);
            }
        }
        return ports;
    }

    private static boolean labelled(NetworkPolicyPeer peer, String label, String value) {
        return peer.getPodSelector() != null && value.equals(peer.getPodSelector().getMatchLabels().get(label));
    }

    private static void assertNamespaceAndPodRestricted(NetworkPolicyPeer peer) {
        assertThat(peer.getIpBlock()).isNull();
        assertThat(peer.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name");
        assertThat(peer.getPodSelector().getMatchLabels()).isNotEmpty();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && selector.getMatchExpressions().isEmpty()
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }
}

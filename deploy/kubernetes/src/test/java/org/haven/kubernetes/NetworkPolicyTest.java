package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
            assertThat(ports(egress, peer -> labelled(peer, "app.kubernetes.io/instance", keycloak))).containsExactly(KEYCLOAK_HTTPS);
            assertThat(ports(egress, peer -> peer.getNamespaceSelector() != null && peer.getPodSelector() == null)).containsExactly(4317);

            Set<Integer> smtp = mailRelayPorts(egress);
            if (service.equals("notification-service")) {
                assertThat(smtp).containsExactly(Integer.parseInt(overlay.requiredEnvironment(service, "SMTP_PORT")));
            } else {
                assertThat(smtp).as(service + " sends no mail").isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void operatorManagedPodsAreSelectedByAPolicyThatDeniesWhatItDoesNotAllow(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String postgres = Maps.string(overlay.singleCustom("Cluster"), "metadata.name");
        String keycloak = Maps.string(overlay.singleCustom("Keycloak"), "metadata.name");
        // the labels each operator puts on the pods it runs (CloudNativePG instances, Keycloak and its realm import)
        Map<String, Map<String, String>> operatorPods = Map.of(
                "PostgreSQL instance", Map.of("cnpg.io/cluster", postgres, "cnpg.io/podRole", "instance", "role", "primary"),
                "Keycloak server", Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak,
                        "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/component", "server"),
                "Keycloak realm import", Map.of("app", "keycloak-realm-import", "app.kubernetes.io/instance", keycloak,
                        "app.kubernetes.io/managed-by", "keycloak-operator"));

        operatorPods.forEach((pod, labels) -> assertThat(overlay.all(NetworkPolicy.class).stream()
                .filter(policy -> selects(policy.getSpec().getPodSelector(), labels))
                .anyMatch(policy -> policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))))
                .as(pod + " pods are isolated").isTrue());
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void strimziLimitsEveryKafkaListenerToHavensServicePods(String name) {
        // Strimzi writes the Kafka pods' NetworkPolicy from each listener's networkPolicyPeers; none means open to all.
        Kafka kafka = Overlays.get(name).single(Kafka.class);

        assertThat(kafka.getSpec().getKafka().getListeners()).allSatisfy(listener ->
                assertThat(listener.getNetworkPolicyPeers().stream().map(NetworkPolicyTest::describe).toList())
                        .as("who may reach listener " + listener.getName()).containsExactly(SERVICES));
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void postgresAcceptsOnlyTheServicesKeycloakItsOwnInstancesTheOperatorAndPrometheus(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String postgres = Maps.string(overlay.singleCustom("Cluster"), "metadata.name");
        String keycloak = Maps.string(overlay.singleCustom("Keycloak"), "metadata.name");
        NetworkPolicy policy = isolating(overlay, Map.of("cnpg.io/cluster", postgres, "cnpg.io/podRole", "instance"));
        String instances = "pods{cnpg.io/cluster=" + postgres + "}";

        assertThat(sources(policy)).containsOnlyKeys(5432, 8000, 9187);
        assertThat(sources(policy).get(5432)).containsExactlyInAnyOrder(SERVICES, keycloakPods(keycloak), instances, CNPG_OPERATOR);
        assertThat(sources(policy).get(8000)).containsExactlyInAnyOrder(instances, CNPG_OPERATOR);
        assertThat(sources(policy).get(9187)).containsExactly(PROMETHEUS);
        assertThat(destinations(policy)).containsOnlyKeys(53, 5432, 8000, 443, 6443);
        assertThat(destinations(policy).get(5432)).containsExactly(instances);
        assertThat(destinations(policy).get(8000)).containsExactly(instances);
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void keycloakAcceptsOnlyTheIngressControllerTheServicesItsPeersAndPrometheus(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String postgres = Maps.string(overlay.singleCustom("Cluster"), "metadata.name");
        String keycloak = Maps.string(overlay.singleCustom("Keycloak"), "metadata.name");
        NetworkPolicy policy = isolating(overlay, Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak,
                "app.kubernetes.io/managed-by", "keycloak-operator"));
        int servicesPort = ports(overlay.one(NetworkPolicy.class, Repository.SERVICES.get(0)).getSpec().getEgress(),
                peer -> labelled(peer, "app.kubernetes.io/instance", keycloak)).iterator().next();

        assertThat(servicesPort).isEqualTo(KEYCLOAK_HTTPS);
        assertThat(sources(policy)).as("HTTPS, management, JGroups; no plain HTTP").containsOnlyKeys(KEYCLOAK_HTTPS, 9000, 7800, 57800);
        assertThat(sources(policy).get(KEYCLOAK_HTTPS)).as("HTTPS from the four services and the ingress controller alone")
                .containsExactlyInAnyOrder(SERVICES, INGRESS_CONTROLLER);
        assertThat(sources(policy).get(9000)).containsExactly(PROMETHEUS);
        assertThat(sources(policy).get(7800)).containsExactly(keycloakPods(keycloak));
        assertThat(destinations(policy)).containsOnlyKeys(53, 5432, 7800, 57800);
        assertThat(destinations(policy).get(5432)).containsExactly("pods{cnpg.io/cluster=" + postgres + "}");
    }

    /** Keycloak's HTTPS port (the operator's default), the only one it serves. */
    private static final int KEYCLOAK_HTTPS = 8443;
    private static final String SERVICES = "pods{app.kubernetes.io/component=service, app.kubernetes.io/part-of=haven}";
    private static final String PROMETHEUS = "ns{kubernetes.io/metadata.name=monitoring}/pods{app.kubernetes.io/name=prometheus}";
    private static final String INGRESS_CONTROLLER = "ns{kubernetes.io/metadata.name=ingress-nginx}/pods{app.kubernetes.io/name=ingress-nginx}";
    private static final String CNPG_OPERATOR = "ns{kubernetes.io/metadata.name=cnpg-system}/pods{app.kubernetes.io/name=cloudnative-pg}";

    private static String keycloakPods(String keycloak) {
        return "pods{app.kubernetes.io/instance=" + keycloak + ", app.kubernetes.io/managed-by=keycloak-operator}";
    }

    private static NetworkPolicy isolating(RenderedOverlay overlay, Map<String, String> podLabels) {
        return overlay.all(NetworkPolicy.class).stream()
                .filter(policy -> selects(policy.getSpec().getPodSelector(), podLabels))
                .filter(policy -> policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))
                .findFirst().orElseThrow(() -> new AssertionError("no policy isolates pods " + podLabels));
    }

    /** Who may reach the selected pods, by port; a rule without peers or ports would mean "anyone" or "any port". */
    private static Map<Integer, Set<String>> sources(NetworkPolicy policy) {
        Map<Integer, Set<String>> byPort = new TreeMap<>();
        policy.getSpec().getIngress().forEach(rule -> {
            assertThat(rule.getFrom()).as(policy.getMetadata().getName() + ": ingress from anywhere").isNotEmpty();
            assertThat(rule.getPorts()).as(policy.getMetadata().getName() + ": ingress on any port").isNotEmpty();
            rule.getFrom().forEach(peer -> assertThat(peer.getIpBlock()).as("ingress from an address block").isNull());
            rule.getPorts().forEach(port -> byPort.computeIfAbsent(port.getPort().getIntVal(), p -> new TreeSet<>())
                    .addAll(rule.getFrom().stream().map(NetworkPolicyTest::describe).toList()));
        });
        return byPort;
    }

    /** Where the selected pods may connect, by port. */
    private static Map<Integer, Set<String>> destinations(NetworkPolicy policy) {
        Map<Integer, Set<String>> byPort = new TreeMap<>();
        policy.getSpec().getEgress().forEach(rule -> {
            assertThat(rule.getTo()).as(policy.getMetadata().getName() + ": egress to anywhere").isNotEmpty();
            assertThat(rule.getPorts()).as(policy.getMetadata().getName() + ": egress on any port").isNotEmpty();
            rule.getPorts().forEach(port -> byPort.computeIfAbsent(port.getPort().getIntVal(), p -> new TreeSet<>())
                    .addAll(rule.getTo().stream().map(NetworkPolicyTest::describe).toList()));
        });
        return byPort;
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "ip{" + peer.getIpBlock().getCidr() + "}";
        }
        String pods = peer.getPodSelector() == null ? "" : "pods" + new TreeMap<>(peer.getPodSelector().getMatchLabels());
        String namespaces = peer.getNamespaceSelector() == null ? ""
                : "ns" + new TreeMap<>(peer.getNamespaceSelector().getMatchLabels()) + (pods.isEmpty() ? "" : "/");
        return namespaces + pods;
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

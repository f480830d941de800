package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.Issuer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

class OverlayRenderingTest {

    @Test
    void adminsHaveADevAndAProdOverlay() {
        assertThat(Overlays.names()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyOverlayRendersTheServicesAndThePlatformTheyRunOn(String name) {
        RenderedOverlay overlay = Overlays.get(name);

        for (String service : Repository.SERVICES) {
            overlay.one(Deployment.class, service);
            overlay.one(Service.class, service);
            overlay.one(HorizontalPodAutoscaler.class, service);
            overlay.one(PodDisruptionBudget.class, service);
            overlay.one(NetworkPolicy.class, service);
        }
        // Haven's pages and APIs; Keycloak's login pages (an HTTPS backend)
        assertThat(overlay.all(Ingress.class)).extracting(ingress -> ingress.getMetadata().getName())
                .containsExactlyInAnyOrder("haven", "haven-keycloak");
        // Haven's own CA (a self-signed root and the CA Issuer), Keycloak's certificate and the ingress controller's
        assertThat(overlay.all(Issuer.class)).hasSize(2);
        assertThat(overlay.all(Certificate.class)).hasSize(3);
        assertThat(overlay.all(Kafka.class)).hasSize(1);
        assertThat(overlay.all(KafkaNodePool.class)).isNotEmpty();
        // four event topics, two compacted organisation topics, and a dead-letter topic for each
        assertThat(overlay.all(KafkaTopic.class)).hasSize(12);
        assertThat(overlay.all(KafkaUser.class)).hasSize(Repository.SERVICES.size());
        assertThat(overlay.custom("Cluster")).hasSize(1);
        assertThat(overlay.custom("Database")).hasSize(5);
        assertThat(overlay.custom("Keycloak")).hasSize(1);
        assertThat(overlay.custom("KeycloakRealmImport")).hasSize(1);
        assertThat(overlay.all(ServiceMonitor.class)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyObjectLandsInTheOverlaysOwnNamespace(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String namespace = overlay.single(Namespace.class).getMetadata().getName();

        List<String> elsewhere = overlay.objects().stream()
                .filter(object -> !(object instanceof Namespace))
                .filter(object -> !namespace.equals(object.getMetadata().getNamespace()))
                .map(OverlayRenderingTest::id)
                .toList();

        assertThat(elsewhere).as("objects outside namespace " + namespace).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyObjectParsesAsATypedObjectWithNoUnknownField(String name) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : Overlays.get(name).objects()) {
            if (object instanceof GenericKubernetesResource custom) {
                if (!CustomResourceKeys.known(custom.getApiVersion(), custom.getKind())) {
                    problems.add(id(object) + ": no typed model and no allowed-keys list for " + custom.getApiVersion());
                    continue;
                }
                Map<String, Object> fields = Manifests.asMap(custom);
                CustomResourceKeys.unknownIn(fields).forEach(key -> problems.add(id(object) + ": unknown field " + key));
            } else {
                UnknownFields.in(object).forEach(key -> problems.add(id(object) + ": unknown field " + key));
            }
        }
        assertThat(problems).as("objects with fields their API does not have").isEmpty();
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}

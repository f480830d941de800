package org.haven.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Reads rendered manifests into typed objects: fabric8's Kubernetes model (core, apps, autoscaling,
 * networking, policy), fabric8's Prometheus Operator model (ServiceMonitor, PodMonitor) and Strimzi's own
 * API model. CloudNativePG and Keycloak publish no Java model: those come back as
 * {@link io.fabric8.kubernetes.api.model.GenericKubernetesResource} and are checked by {@link CustomResourceKeys}.
 */
final class Manifests {

    static final String STRIMZI = "kafka.strimzi.io/v1beta2";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static {
        SERIALIZATION.registerKubernetesResource(STRIMZI, "Kafka", Kafka.class);
        SERIALIZATION.registerKubernetesResource(STRIMZI, "KafkaNodePool", KafkaNodePool.class);
        SERIALIZATION.registerKubernetesResource(STRIMZI, "KafkaTopic", KafkaTopic.class);
        SERIALIZATION.registerKubernetesResource(STRIMZI, "KafkaUser", KafkaUser.class);
    }

    private Manifests() {
    }

    /** Every document of a multi-document YAML stream, as a typed object. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : documents(yaml)) {
            KubernetesResource resource = SERIALIZATION.convertValue(document, KubernetesResource.class);
            if (!(resource instanceof HasMetadata object)) {
                throw new AssertionError("not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return objects;
    }

    static List<JsonNode> documents(String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> all = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    all.add(document);
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An object as plain maps and lists, the shape it has in YAML. */
    static Map<String, Object> asMap(Object object) {
        return SERIALIZATION.convertValue(object, Map.class);
    }

    static <T> T convert(Object value, Class<T> type) {
        return SERIALIZATION.convertValue(value, type);
    }

    static Map<String, Object> readYamlMap(String yaml) {
        try {
            return YAML.readValue(yaml, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

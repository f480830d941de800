package org.haven.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.haven.events.HavenEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

class KafkaTopicsTest {

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void topicsAreExactlyHavensTopicsAndTheirDeadLetterTopics(String name) {
        List<String> topics = topics(Overlays.get(name)).stream().map(KafkaTopicsTest::topicName).toList();

        assertThat(topics).containsExactlyInAnyOrderElementsOf(HavenEvents.ALL_TOPICS);
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyTopicHasTheSamePartitionCountSoADeadLetterKeepsItsPartition(String name) {
        Set<Integer> partitions = topics(Overlays.get(name)).stream()
                .map(topic -> topic.getSpec().getPartitions())
                .collect(Collectors.toSet());

        assertThat(partitions).containsExactly(6);
    }

    @Test
    void prodKeepsThreeCopiesOfEveryRecordAndAcceptsAWriteOnlyWhenTwoHaveIt() {
        RenderedOverlay prod = Overlays.get("prod");

        for (KafkaTopic topic : topics(prod)) {
            assertThat(topic.getSpec().getReplicas()).as(topicName(topic)).isEqualTo(3);
            assertThat(minInSync(topic.getSpec().getConfig())).as(topicName(topic)).isEqualTo(2);
        }
        Map<String, Object> broker = prod.single(Kafka.class).getSpec().getKafka().getConfig();
        assertThat(minInSync(broker)).isEqualTo(2);
        assertThat(integer(broker, "default.replication.factor")).isEqualTo(3);
        assertThat(integer(broker, "offsets.topic.replication.factor")).isEqualTo(3);
        assertThat(nodes(prod, ProcessRoles.BROKER)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void prodRunsAThreeControllerQuorumApartFromTheBrokers() {
        RenderedOverlay prod = Overlays.get("prod");

        assertThat(nodes(prod, ProcessRoles.CONTROLLER)).isEqualTo(3);
        assertThat(prod.all(KafkaNodePool.class))
                .allSatisfy(pool -> assertThat(pool.getSpec().getRoles()).hasSize(1));
    }

    @Test
    void devKeepsOneCopyOfEveryRecord() {
        RenderedOverlay dev = Overlays.get("dev");

        for (KafkaTopic topic : topics(dev)) {
            assertThat(topic.getSpec().getReplicas()).as(topicName(topic)).isEqualTo(1);
            assertThat(minInSync(topic.getSpec().getConfig())).as(topicName(topic)).isEqualTo(1);
        }
        assertThat(minInSync(dev.single(Kafka.class).getSpec().getKafka().getConfig())).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void thereAreEnoughBrokersForEveryReplicaAndOneCanBeDownInProd(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        int brokers = nodes(overlay, ProcessRoles.BROKER);

        for (KafkaTopic topic : topics(overlay)) {
            assertThat(topic.getSpec().getReplicas()).as(topicName(topic)).isLessThanOrEqualTo(brokers);
            assertThat(minInSync(topic.getSpec().getConfig())).isLessThanOrEqualTo(topic.getSpec().getReplicas());
            if (name.equals("prod")) {
                assertThat(minInSync(topic.getSpec().getConfig())).isLessThan(topic.getSpec().getReplicas());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void everyTopicAServiceConsumesOrWritesExists(String name) {
        Set<String> created = topics(Overlays.get(name)).stream().map(KafkaTopicsTest::topicName).collect(Collectors.toSet());
        Map<String, ServiceProperties.Expectations> services = ServiceProperties.ofServices();

        assertThat(services).as("services with an application.properties").isNotEmpty();
        services.forEach((service, topics) -> assertThat(created).as(service).containsAll(topics.namedTopics()));
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void noConsumerScalesBeyondThePartitionsItReads(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        Map<String, Integer> partitions = topics(overlay).stream()
                .collect(Collectors.toMap(KafkaTopicsTest::topicName, topic -> topic.getSpec().getPartitions()));

        ServiceProperties.ofServices().forEach((service, topics) -> {
            int maxReplicas = overlay.one(HorizontalPodAutoscaler.class, service).getSpec().getMaxReplicas();
            for (String consumed : topics.consumedTopics()) {
                assertThat(maxReplicas).as(service + " reading " + consumed).isLessThanOrEqualTo(partitions.get(consumed));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("org.haven.kubernetes.Overlays#names")
    void topicsAndNodePoolsBelongToTheKafkaCluster(String name) {
        RenderedOverlay overlay = Overlays.get(name);
        String cluster = overlay.single(Kafka.class).getMetadata().getName();

        assertThat(topics(overlay)).allSatisfy(topic ->
                assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        assertThat(overlay.all(KafkaNodePool.class)).allSatisfy(pool ->
                assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        assertThat(integer(overlay.single(Kafka.class).getSpec().getKafka().getConfig(), "num.partitions")).isEqualTo(6);
        assertThat(overlay.single(Kafka.class).getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false);
    }

    private static List<KafkaTopic> topics(RenderedOverlay overlay) {
        return overlay.all(KafkaTopic.class);
    }

    private static String topicName(KafkaTopic topic) {
        return topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName() : topic.getMetadata().getName();
    }

    private static int nodes(RenderedOverlay overlay, ProcessRoles role) {
        return overlay.all(KafkaNodePool.class).stream()
                .filter(pool -> pool.getSpec().getRoles().contains(role))
                .mapToInt(pool -> pool.getSpec().getReplicas())
                .sum();
    }

    private static int minInSync(Map<String, Object> config) {
        return integer(config, "min.insync.replicas");
    }

    private static int integer(Map<String, Object> config, String key) {
        assertThat(config).containsKey(key);
        return Integer.parseInt(String.valueOf(config.get(key)));
    }
}

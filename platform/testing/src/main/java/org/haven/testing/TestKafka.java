package org.haven.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.haven.events.HavenEvents;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka broker per test JVM: {@code TEST_KAFKA_BOOTSTRAP_SERVERS} if set, else an embedded KRaft
 * broker. Haven's topics are created up front, as an admin would, so no consumer waits on auto-creation.
 */
public final class TestKafka {

    public static final int PARTITIONS = 3;

    private static TestKafka shared;

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private KafkaCompanion companion;

    private TestKafka(EmbeddedKafkaBroker broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    public static synchronized TestKafka shared() {
        if (shared == null) {
            String external = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                shared = new TestKafka(null, external);
            } else {
                EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                        .withDeleteLogDirsOnClose(true)
                        .withAdditionalProperties(props -> {
                            props.put("auto.create.topics.enable", "true");
                            props.put("num.partitions", String.valueOf(PARTITIONS));
                            props.put("group.initial.rebalance.delay.ms", "0");
                        })
                        .start();
                shared = new TestKafka(broker, broker.getAdvertisedListeners().replaceFirst("^[A-Z_]+://", ""));
            }
            createTopics(shared.bootstrapServers);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-kafka-stop"));
        }
        return shared;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrapServers);
        }
        return companion;
    }

    private static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : HavenEvents.ALL_TOPICS) {
                try {
                    NewTopic created = new NewTopic(topic, PARTITIONS, (short) 1);
                    if (HavenEvents.COMPACTED_TOPICS.contains(topic)) {
                        created.configs(Map.of("cleanup.policy", "compact"));
                    }
                    admin.createTopics(List.of(created)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic, e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare Kafka topics on " + bootstrapServers, e);
        }
    }

    private synchronized void close() {
        if (companion != null) {
            companion.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}

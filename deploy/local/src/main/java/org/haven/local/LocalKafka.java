package org.haven.local;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.haven.events.HavenEvents;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller) with its log directory
 * and cluster id kept between runs, and Haven's topics created as an admin would.
 */
final class LocalKafka implements AutoCloseable {

    static final int PARTITIONS = 3;
    private static final String CLUSTER_ID = "aGF2ZW4tbG9jYWwtMDAx";

    private final EmbeddedKafkaBroker broker;
    private final String bootstrap;

    private LocalKafka(EmbeddedKafkaBroker broker, String bootstrap) {
        this.broker = broker;
        this.bootstrap = bootstrap;
    }

    static LocalKafka start(Path dataDir, int port) throws Exception {
        Path logs = dataDir.resolve("kafka");
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withClusterId(CLUSTER_ID)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dirs", logs.toAbsolutePath().toString());
                    props.put("num.partitions", String.valueOf(PARTITIONS));
                    props.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
        LocalKafka kafka = new LocalKafka(broker, "127.0.0.1:" + port);
        kafka.createMissingTopics();
        return kafka;
    }

    String bootstrap() {
        return bootstrap;
    }

    private void createMissingTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = HavenEvents.ALL_TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> HavenEvents.COMPACTED_TOPICS.contains(t)
                            ? new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of("cleanup.policy", "compact"))
                            : new NewTopic(t, PARTITIONS, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}

package org.haven.local.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The physical floor of this machine in the same run as the platform: one Kafka produce→consume hop
 * with the same producer settings as the outbox relay (acks=all, idempotent, no linger), and one
 * PostgreSQL insert-commit on the same server the services use.
 */
final class FloorProbe {

    private FloorProbe() {
    }

    static Percentiles kafkaHop(String bootstrap, int messages, int perSecond) throws Exception {
        String topic = "bench.floor." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumerProps = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-floor-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        Map<String, Object> producerProps = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0);
        List<Long> latencies = new ArrayList<>(messages);
        try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new LongDeserializer());
             KafkaProducer<String, Long> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new LongSerializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            // Warm both clients before measuring.
            producer.send(new ProducerRecord<>(topic, "warm", System.nanoTime())).get();
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            int received = -1;
            int sent = 0;
            long give_up = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (received < messages && System.nanoTime() < give_up) {
                if (sent < messages && System.nanoTime() >= next) {
                    producer.send(new ProducerRecord<>(topic, "k", System.nanoTime()));
                    sent++;
                    next += interval;
                }
                for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(1))) {
                    long now = System.nanoTime();
                    if (received >= 0) {
                        latencies.add(now - record.value());
                    }
                    received++;
                }
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
        return Percentiles.of(latencies);
    }

    static Percentiles postgresCommit(String jdbcUrl, String user, String password, int inserts, int perSecond) throws Exception {
        List<Long> latencies = new ArrayList<>(inserts);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS bench_floor (id UUID PRIMARY KEY, payload TEXT NOT NULL, at TIMESTAMPTZ NOT NULL)");
            }
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_floor (id, payload, at) VALUES (?, ?, now())")) {
                long interval = 1_000_000_000L / perSecond;
                long next = System.nanoTime();
                for (int i = 0; i < inserts + 1; i++) {
                    // Parked, not spinning: a spinning probe would take one of the two cores from the
                    // PostgreSQL it measures.
                    for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    next += interval;
                    long start = System.nanoTime();
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "floor probe " + i);
                    insert.executeUpdate();
                    connection.commit();
                    if (i > 0) {
                        latencies.add(System.nanoTime() - start);
                    }
                }
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE bench_floor");
            }
            connection.commit();
        }
        return Percentiles.of(latencies);
    }
}

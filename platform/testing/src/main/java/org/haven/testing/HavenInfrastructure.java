package org.haven.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.HashMap;
import java.util.Map;

/**
 * The one Quarkus test resource every Haven service uses: a real Kafka broker (KRaft, in this JVM),
 * a real PostgreSQL (embedded binaries, or the server named by {@code TEST_PG_JDBC_URL}) and an OIDC
 * provider whose tokens {@link TestTokens} signs. No Docker, no Dev Services, no in-memory stand-ins.
 *
 * <p>Give every test class of a module the same resource set, so Quarkus starts the application once.
 * The broker and database live as long as the test JVM; each application start gets a clean schema.
 */
public class HavenInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestKafka kafka = TestKafka.shared();
        TestPostgres postgres = TestPostgres.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.username", postgres.username());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.flyway.clean-disabled", "false");
        config.put("quarkus.flyway.clean-at-start", "true");
        config.put("quarkus.devservices.enabled", "false");
        config.putAll(TestIdentity.shared());
        return config;
    }

    @Override
    public void stop() {
        // Broker and database outlive one application start; TestKafka/TestPostgres close them at JVM exit.
    }

    /** A client for producing to and consuming from the test broker. */
    public static KafkaCompanion kafka() {
        return TestKafka.shared().companion();
    }
}

package org.haven.messaging;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them sent.
 *
 * <p>One thread per process. It wakes when a transaction in this process commits an event, and
 * otherwise polls, so rows left by a crashed process are sent on the next start. A PostgreSQL advisory
 * lock makes one relay at a time drain a database, which keeps each aggregate's events in order when
 * a service runs as several replicas. A row is marked sent only after Kafka acknowledged it
 * ({@code acks=all}, idempotent producer); a crash between the two resends it, which consumers'
 * inboxes absorb. Delivery is therefore at-least-once, never at-most-once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Key of the advisory lock that serialises relays sharing one database ("haven-outbox"). */
    private static final long RELAY_LOCK = 0x68617665_6e6f7574L;
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofHours(1);
    public static final String EVENT_ID_HEADER = "haven-event-id";
    public static final String EVENT_TYPE_HEADER = "haven-event-type";
    public static final String TRACEPARENT_HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> TRACEPARENT_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    EntityManager entityManager;
    @Inject
    MessagingConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    Instance<OpenTelemetry> openTelemetry;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Timer lag;
    private Instant nextHousekeeping = Instant.EPOCH;

    void start(@Observes StartupEvent startup) {
        if (!config.outbox().relayEnabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        published = meters.counter("haven.outbox.published");
        lag = Timer.builder("haven.outbox.lag").description("Time from an event's commit to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that recorded an event: relay now instead of at the next poll. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                long waitMillis = Math.max(config.outbox().pollInterval().toMillis(), backoff.toMillis());
                wake.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                while (running && relayBatch() == config.outbox().batchSize()) {
                    // a full batch: there may be more waiting
                }
                housekeep();
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), Duration.ofSeconds(10));
                LOG.warnf("Outbox relay failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
            }
        }
    }

    /** Sends one batch of unsent rows; returns how many rows it marked sent. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT id, topic, message_key, payload, event_id, event_type, created_at, traceparent
                            FROM haven_outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?1""")
                    .setParameter(1, config.outbox().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3]);
                // Not CloudEvents' own ce_*/content-type headers: SmallRye would then hand consumers a JsonObject.
                record.headers().add(EVENT_ID_HEADER, row[4].toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(EVENT_TYPE_HEADER, ((String) row[5]).getBytes(StandardCharsets.UTF_8));
                Span publish = publishSpan((String) row[1], (String) row[7]);
                String traceparent = publish.getSpanContext().isValid() ? traceparentOf(publish) : (String) row[7];
                if (traceparent != null) {
                    // Consumers' Kafka connector continues this trace: one incident, one trace across services.
                    record.headers().add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
                }
                sends.add(producer().send(record, (metadata, error) -> {
                    if (error != null) {
                        publish.setStatus(StatusCode.ERROR, error.getMessage());
                    }
                    publish.end();
                }));
            }
            List<Long> sent = new ArrayList<>(rows.size());
            long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
            for (int i = 0; i < rows.size(); i++) {
                try {
                    sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // Keep only the acknowledged prefix: later rows are resent in order next time.
                    LOG.warnf("Kafka did not acknowledge outbox row %s: %s", rows.get(i)[0], e.getMessage());
                    break;
                }
                sent.add(((Number) rows.get(i)[0]).longValue());
            }
            if (!sent.isEmpty()) {
                entityManager.createNativeQuery("UPDATE haven_outbox SET sent_at = now() WHERE id = ANY(?1)")
                        .setParameter(1, sent.toArray(Long[]::new))
                        .executeUpdate();
                Instant now = Clock.systemUTC().instant();
                for (int i = 0; i < sent.size(); i++) {
                    lag.record(Duration.between(createdAt(rows.get(i)[6]), now));
                }
                published.increment(sent.size());
            }
            return sent.size();
        });
    }

    /**
     * The relay's own send as a PRODUCER span, child of the span that recorded the event (its stored
     * traceparent), so the time an event waited in the outbox shows in its trace. Invalid when not tracing.
     */
    private Span publishSpan(String topic, String storedTraceparent) {
        if (storedTraceparent == null || !openTelemetry.isResolvable()) {
            return Span.getInvalid();
        }
        Context parent = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT_HEADER, storedTraceparent), TRACEPARENT_GETTER);
        return openTelemetry.get().getTracer("org.haven.messaging").spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation", "publish")
                .startSpan();
    }

    private static String traceparentOf(Span span) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT_HEADER);
    }

    private void housekeep() {
        Instant now = Clock.systemUTC().instant();
        if (now.isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = now.plus(HOUSEKEEPING_EVERY);
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM haven_outbox WHERE sent_at < ?1")
                    .setParameter(1, OffsetDateTime.now().minus(config.outbox().retention())).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM haven_inbox WHERE processed_at < ?1")
                    .setParameter(1, OffsetDateTime.now().minus(config.inbox().retention())).executeUpdate();
        });
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (ProducerConfig.configNames().contains(key)) {
                    props.put(key, value);
                }
            });
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.outbox().sendTimeout().toMillis());
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.outbox().sendTimeout().toMillis(), 15_000));
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "haven-outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static Instant createdAt(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Clock.systemUTC().instant();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

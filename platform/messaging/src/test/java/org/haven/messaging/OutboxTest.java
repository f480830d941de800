package org.haven.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.haven.events.EventCodec;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentAmended;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class OutboxTest {

    /** The relay's rows are incident events, published as their owner does. */
    private static final String INCIDENT_SERVICE = HavenEvents.ownerOf(HavenEvents.INCIDENT_TOPIC);

    @Inject
    Outbox outbox;
    @Inject
    EntityManager entityManager;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    DataSource dataSource;

    private static IncidentAmended amendment(UUID incident) {
        return new IncidentAmended(incident, "site-a", UUID.randomUUID(), "staff-ana", Instant.parse("2026-11-22T10:00:00Z"));
    }

    private void publish(UUID incident) {
        outbox.publish(HavenEvents.INCIDENT_AMENDED, INCIDENT_SERVICE, incident.toString(), Instant.now(), amendment(incident));
    }

    private static ConsumerTask<String, String> recordsOf(UUID incident) {
        return HavenInfrastructure.kafka().consumeStrings()
                .fromTopics(HavenEvents.INCIDENT_TOPIC, records -> records.filter(r -> incident.toString().equals(r.key())));
    }

    @Test
    void aCommittedEventReachesKafkaKeyedByItsAggregate() {
        UUID incident = UUID.randomUUID();
        ConsumerTask<String, String> records = recordsOf(incident);

        QuarkusTransaction.requiringNew().run(() -> publish(incident));

        ConsumerRecord<String, String> record = records.awaitRecords(1, Duration.ofSeconds(15)).getFirstRecord();
        records.stop();
        assertThat(EventCodec.data(EventCodec.decode(record.value()), HavenEvents.INCIDENT_AMENDED).incidentId()).isEqualTo(incident);
        assertThat(header(record, OutboxRelay.EVENT_TYPE_HEADER)).isEqualTo(HavenEvents.INCIDENT_AMENDED.name());
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNeverSent() {
        UUID incident = UUID.randomUUID();
        ConsumerTask<String, String> records = recordsOf(incident);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            publish(incident);
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("the state change failed");
        // A later event of the same aggregate lands on the same partition: once it is here, the first would be too.
        QuarkusTransaction.requiringNew().run(() -> publish(incident));

        records.awaitRecords(1, Duration.ofSeconds(15));
        records.stop();
        assertThat(records.count()).isEqualTo(1);
    }

    @Test
    void oneAggregatesEventsArriveInCommitOrder() {
        UUID incident = UUID.randomUUID();
        ConsumerTask<String, String> records = recordsOf(incident);
        List<String> committed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            committed.add(QuarkusTransaction.requiringNew().call(() -> outbox.publish(HavenEvents.INCIDENT_AMENDED, INCIDENT_SERVICE,
                    incident.toString(), Instant.now(), amendment(incident)).id()));
        }

        records.awaitRecords(20, Duration.ofSeconds(20));
        records.stop();
        assertThat(records.getRecords().stream().map(r -> EventCodec.decode(r.value()).id()).toList()).isEqualTo(committed);
    }

    @Test
    void eventsRecordedInOneTransactionArriveInTheOrderTheyWereRecorded() {
        UUID incident = UUID.randomUUID();
        ConsumerTask<String, String> records = recordsOf(incident);

        List<String> recorded = QuarkusTransaction.requiringNew().call(() -> IntStream.range(0, 9)
                .mapToObj(i -> outbox.publish(HavenEvents.INCIDENT_AMENDED, INCIDENT_SERVICE, incident.toString(), Instant.now(),
                        amendment(incident)).id())
                .toList());

        records.awaitRecords(9, Duration.ofSeconds(15));
        records.stop();
        assertThat(records.getRecords().stream().map(r -> EventCodec.decode(r.value()).id()).toList()).isEqualTo(recorded);
    }

    @Test
    void anEventWrittenBeforeACommitThatThenFailsIsRolledBackWithIt() {
        UUID incident = UUID.randomUUID();
        AtomicLong writtenBeforeTheFailure = new AtomicLong(-1);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            publish(incident);
            // Registered after the outbox's own writer, so it fails the commit once the event row is written.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // On the transaction's own connection, as the outbox writes.
                    try (Connection connection = dataSource.getConnection();
                         PreparedStatement count = connection.prepareStatement(
                                 "SELECT count(*) FROM haven_outbox WHERE message_key = ?")) {
                        count.setString(1, incident.toString());
                        try (ResultSet result = count.executeQuery()) {
                            result.next();
                            writtenBeforeTheFailure.set(result.getLong(1));
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    throw new IllegalStateException("a later participant refused the commit");
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }));

        assertThat(writtenBeforeTheFailure).hasValue(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> outboxRowsOf(incident))).isZero();
    }

    private long outboxRowsOf(UUID incident) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM haven_outbox WHERE message_key = ?1")
                .setParameter(1, incident.toString()).getSingleResult()).longValue();
    }

    @Test
    void anEventRecordedInATraceCarriesThatTraceToKafka() {
        UUID incident = UUID.randomUUID();
        ConsumerTask<String, String> records = recordsOf(incident);
        SpanContext request = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());

        try (Scope ignored = Span.wrap(request).makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> publish(incident));
        }

        ConsumerRecord<String, String> record = records.awaitRecords(1, Duration.ofSeconds(15)).getFirstRecord();
        records.stop();
        assertThat(header(record, OutboxRelay.TRACEPARENT_HEADER)).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void anEventRecordedOutsideATraceCarriesNoTraceparent() {
        UUID incident = UUID.randomUUID();
        ConsumerTask<String, String> records = recordsOf(incident);

        QuarkusTransaction.requiringNew().run(() -> publish(incident));

        ConsumerRecord<String, String> record = records.awaitRecords(1, Duration.ofSeconds(15)).getFirstRecord();
        records.stop();
        assertThat(record.headers().lastHeader(OutboxRelay.TRACEPARENT_HEADER)).isNull();
    }

    @Test
    void recordingAnEventLeavesTheCallersPendingChangesToTheCommit() {
        UUID incident = UUID.randomUUID();
        TestNote note = TestNote.of("the state change");

        boolean pendingAfterPublish = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.persist(note);
            publish(incident);
            return entityManager.unwrap(org.hibernate.Session.class).isDirty();
        });

        // Not flushed by recording the event (a flush per event was a tenth of a consumer's CPU), yet committed with it.
        assertThat(pendingAfterPublish).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.find(TestNote.class, note.id))).isNotNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> outboxRowsOf(incident))).isEqualTo(1);
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> publish(UUID.randomUUID())).hasMessageContaining("Transaction");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

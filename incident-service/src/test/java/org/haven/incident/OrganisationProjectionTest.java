package org.haven.incident;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.EventType;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.incident.messaging.OrganisationConsumer;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * incident-service's copy of who works where is a projection of notification-service's compacted topics, read over
 * the real broker: a role or working time at a site makes a member, a tombstone removes, and a projection rebuilt
 * from the topics on empty tables equals the one built as the records came.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class OrganisationProjectionTest {

    private static final List<String> TABLES = List.of(
            "SELECT id, name, time_zone, removed, source_partition, source_offset FROM org_site",
            "SELECT id, display_name, removed, source_partition, source_offset FROM org_person",
            "SELECT site_id, person_id FROM org_site_member");

    @Inject
    OrganisationConsumer consumer;

    private final String site = "site-" + UUID.randomUUID();
    private final String ana = "ana-" + UUID.randomUUID();
    private final String sup = "sup-" + UUID.randomUUID();

    private OrganisationPerson staff(String id, String siteId) {
        return new OrganisationPerson(id, "Staff " + id, List.of(),
                List.of(new OrganisationPerson.SiteShifts(siteId, new WorkPattern(List.of(), List.of()))));
    }

    @Test
    void aRoleOrWorkingTimeMakesAMemberAndATombstoneRemoves() {
        publishAndAwait(HavenEvents.ORGANISATION_SITE, site, new OrganisationSite(site, "North", "America/New_York", null));
        publishAndAwait(HavenEvents.ORGANISATION_PERSON, ana, staff(ana, site));
        publishAndAwait(HavenEvents.ORGANISATION_PERSON, sup, new OrganisationPerson(sup, "Sup", List.of(new OrganisationPerson.Role(site, "SUPERVISOR")), List.of()));
        assertThat(membersOf(site)).containsExactlyInAnyOrder(ana, sup);

        RecordMetadata gone = HavenInfrastructure.kafka().produceStrings()
                .fromRecords(new ProducerRecord<String, String>(HavenEvents.PEOPLE_TOPIC, ana, null))
                .awaitCompletion(Duration.ofSeconds(15)).getLastRecord();
        awaitProjected("org_person", ana, gone);

        assertThat(membersOf(site)).containsExactly(sup);
    }

    @Test
    void aProjectionRebuiltFromTheTopicsOnEmptyTablesEqualsTheOldOne() {
        publishAndAwait(HavenEvents.ORGANISATION_SITE, site, new OrganisationSite(site, "North", "America/New_York", null));
        publishAndAwait(HavenEvents.ORGANISATION_PERSON, ana, staff(ana, site));
        publishAndAwait(HavenEvents.ORGANISATION_PERSON, ana, staff(ana, "site-elsewhere"));   // moved: the later record counts
        publishAndAwait(HavenEvents.ORGANISATION_PERSON, sup, staff(sup, site));
        List<String> before = projection();
        List<ConsumerRecord<String, String>> records = everyRecordFromTheStart();

        emptyProjection();
        records.forEach(this::apply);
        assertThat(projection()).as("rebuilt in order").isEqualTo(before);

        emptyProjection();
        List<ConsumerRecord<String, String>> newestFirst = new ArrayList<>(records);
        Collections.reverse(newestFirst);
        newestFirst.forEach(this::apply);
        assertThat(projection()).as("rebuilt newest first: an older record never overwrites a newer one").isEqualTo(before);
        assertThat(membersOf(site)).containsExactly(sup);
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.topic().equals(HavenEvents.SITES_TOPIC)) {
            consumer.onSite(record);
        } else {
            consumer.onPerson(record);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> membersOf(String siteId) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) Panache.getEntityManager()
                .createNativeQuery("SELECT person_id FROM org_site_member WHERE site_id = ?1").setParameter(1, siteId).getResultList());
    }

    static <T> void publishAndAwait(EventType<T> type, String key, T data) {
        EventEnvelope event = EventEnvelope.create(type, HavenEvents.ownerOf(type.topic()), key, TestTime.now(), data);
        RecordMetadata sent = HavenInfrastructure.kafka().produceStrings()
                .fromRecords(new ProducerRecord<>(type.topic(), key, EventCodec.encode(event)))
                .awaitCompletion(Duration.ofSeconds(15)).getLastRecord();
        awaitProjected(type == HavenEvents.ORGANISATION_SITE ? "org_site" : "org_person", key, sent);
    }

    private static void awaitProjected(String table, String id, RecordMetadata sent) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Panache.getEntityManager()
                    .createNativeQuery("SELECT source_offset FROM " + table + " WHERE id = ?1 AND source_partition = ?2")
                    .setParameter(1, id).setParameter(2, sent.partition()).getResultList();
            return !rows.isEmpty() && ((Number) rows.get(0)).longValue() >= sent.offset();
        }));
    }

    @SuppressWarnings("unchecked")
    private static List<String> projection() {
        return QuarkusTransaction.requiringNew().call(() -> TABLES.stream().flatMap(sql -> ((List<Object[]>) Panache.getEntityManager()
                        .createNativeQuery(sql).getResultList()).stream().map(row -> sql.substring(sql.lastIndexOf(' ')) + Arrays.toString(row)))
                .sorted().toList());
    }

    private static void emptyProjection() {
        QuarkusTransaction.requiringNew().run(() -> Stream.of("DELETE FROM org_site_member", "DELETE FROM org_person",
                        "DELETE FROM org_site")
                .forEach(sql -> Panache.getEntityManager().createNativeQuery(sql).executeUpdate()));
    }

    private static List<ConsumerRecord<String, String>> everyRecordFromTheStart() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, HavenInfrastructure.kafka().getBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = Stream.of(HavenEvents.SITES_TOPIC, HavenEvents.PEOPLE_TOPIC)
                    .flatMap(topic -> reader.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read to the end within 30 s").isLessThan(deadline);
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}

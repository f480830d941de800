package org.haven.wellness;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.testing.HavenInfrastructure;
import org.haven.wellness.messaging.OrganisationConsumer;
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

/**
 * wellness-service's copy of who works and supervises where is a projection of notification-service's compacted
 * topics, read over the real broker: a role or working time at a site makes a member, a later record replaces the
 * earlier, a tombstone removes, and a projection rebuilt from the topics on empty tables equals the one built as the
 * records came.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class OrganisationProjectionTest {

    private static final List<String> TABLES = List.of(
            "SELECT id, time_zone, removed, source_partition, source_offset FROM org_site",
            "SELECT id, removed, source_partition, source_offset FROM org_person",
            "SELECT site_id, person_id FROM org_site_member",
            "SELECT site_id, person_id, role FROM org_role");

    @Inject
    OrganisationConsumer consumer;

    private final String site = "site-" + UUID.randomUUID();
    private final String other = "site-" + UUID.randomUUID();
    private final String ana = "ana-" + UUID.randomUUID();
    private final String sup = "sup-" + UUID.randomUUID();

    private static OrganisationPerson staff(String id, String siteId) {
        return new OrganisationPerson(id, "Staff " + id, List.of(),
                List.of(new OrganisationPerson.SiteShifts(siteId, new WorkPattern(List.of(), List.of()))));
    }

    private static OrganisationPerson supervisorOf(String id, String siteId) {
        return new OrganisationPerson(id, "Sup " + id, List.of(new OrganisationPerson.Role(siteId, "SUPERVISOR")), List.of());
    }

    @Test
    void aRoleOrWorkingTimeMakesAMemberALaterRecordReplacesAndATombstoneRemoves() {
        site(site, "America/New_York");
        DirectoryTokens.publish(staff(ana, site));
        DirectoryTokens.publish(supervisorOf(sup, site));
        assertThat(membersOf(site)).containsExactlyInAnyOrder(ana, sup);
        assertThat(supervisorsOf(site)).containsExactly(sup);

        DirectoryTokens.publish(supervisorOf(sup, other));
        assertThat(membersOf(site)).containsExactly(ana);
        assertThat(supervisorsOf(site)).isEmpty();
        assertThat(supervisorsOf(other)).containsExactly(sup);

        DirectoryTokens.remove(ana);
        assertThat(membersOf(site)).isEmpty();
        assertThat(read("SELECT removed FROM org_person WHERE id = ?1", ana)).containsExactly(true);
    }

    @Test
    void aProjectionRebuiltFromTheTopicsOnEmptyTablesEqualsTheOldOne() {
        site(site, "America/New_York");
        site(site, "America/Chicago");                          // a second record for one key: the later one counts
        DirectoryTokens.publish(staff(ana, site));
        DirectoryTokens.publish(staff(ana, other));             // moved
        DirectoryTokens.publish(supervisorOf(sup, site));
        DirectoryTokens.remove(sup);
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
        assertThat(membersOf(other)).containsExactly(ana);
        assertThat(read("SELECT time_zone FROM org_site WHERE id = ?1", site)).containsExactly("America/Chicago");
    }

    private static void site(String siteId, String zone) {
        var sent = DirectoryTokens.send(HavenEvents.ORGANISATION_SITE, siteId, new OrganisationSite(siteId, "North", zone, null));
        DirectoryTokens.awaitProjected("org_site", siteId, sent);
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.topic().equals(HavenEvents.SITES_TOPIC)) {
            consumer.onSite(record);
        } else {
            consumer.onPerson(record);
        }
    }

    private static List<Object> membersOf(String siteId) {
        return read("SELECT person_id FROM org_site_member WHERE site_id = ?1", siteId);
    }

    private static List<Object> supervisorsOf(String siteId) {
        return read("SELECT person_id FROM org_role WHERE site_id = ?1 AND role = 'SUPERVISOR'", siteId);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> read(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Object>) Panache.getEntityManager()
                .createNativeQuery(sql).setParameter(1, parameter).getResultList());
    }

    /** Every row of the projection, as text, in a fixed order. */
    @SuppressWarnings("unchecked")
    private static List<String> projection() {
        return QuarkusTransaction.requiringNew().call(() -> TABLES.stream().flatMap(sql -> ((List<Object[]>) Panache.getEntityManager()
                        .createNativeQuery(sql).getResultList()).stream().map(row -> sql.substring(sql.lastIndexOf(' ')) + Arrays.toString(row)))
                .sorted().toList());
    }

    /** A fresh database as far as the projection goes: no rows. */
    private static void emptyProjection() {
        QuarkusTransaction.requiringNew().run(() -> Stream.of("DELETE FROM org_site_member", "DELETE FROM org_role",
                        "DELETE FROM org_person", "DELETE FROM org_site")
                .forEach(sql -> Panache.getEntityManager().createNativeQuery(sql).executeUpdate()));
    }

    /** Both organisation topics read from offset 0 to their end, each partition in order. */
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

package org.haven.debrief;

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
import org.haven.debrief.domain.Roster;
import org.haven.debrief.messaging.OrganisationConsumer;
import org.haven.events.HavenEvents;
import org.haven.events.IncidentReported;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.testing.AdjustableClock;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.haven.debrief.DebriefsApi.asDirectorOf;
import static org.haven.debrief.DebriefsApi.awaitDebriefOf;
import static org.haven.debrief.RosterFixture.at;

/**
 * debrief-service's organisation is a projection of notification-service's compacted topics, read over the real
 * broker: what the owner publishes is what the slot finder uses, a tombstone removes, and a projection rebuilt from
 * the topics on empty tables equals the one built as the records came.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class OrganisationProjectionTest extends PeopleOfThisRun {

    private static final List<String> TABLES = List.of(
            "SELECT id, name, time_zone, jurisdiction, removed, source_partition, source_offset FROM org_site",
            "SELECT id, display_name, removed, source_partition, source_offset FROM org_person",
            "SELECT site_id, person_id, role FROM org_role",
            "SELECT person_id, site_id, pattern FROM org_work_pattern");

    @Inject
    AdjustableClock clock;
    @Inject
    Roster roster;
    @Inject
    OrganisationConsumer consumer;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static OrganisationPerson nineToFiveEveryDay(String personId, String site, OrganisationPerson.Role... roles) {
        List<WorkPattern.Weekly> week = Arrays.stream(DayOfWeek.values())
                .map(day -> new WorkPattern.Weekly(day, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList();
        return new OrganisationPerson(personId, "Staff " + personId, List.of(roles),
                List.of(new OrganisationPerson.SiteShifts(site, new WorkPattern(week, List.of()))));
    }

    @Test
    void aNewYorkSitesPatternPutsTheDebriefAtNineLocalOnTheMorningTheClocksGoForward() {
        RosterFixture.publishAndAwait(HavenEvents.ORGANISATION_SITE, site, new OrganisationSite(site, "North", "America/New_York", null));
        for (OrganisationPerson person : List.of(nineToFiveEveryDay(ana, site), nineToFiveEveryDay(ben, site),
                nineToFiveEveryDay(supervisor, site, new OrganisationPerson.Role(site, "SUPERVISOR")),
                nineToFiveEveryDay(facilitator, site, new OrganisationPerson.Role(site, "FACILITATOR")))) {
            RosterFixture.publishAndAwait(HavenEvents.ORGANISATION_PERSON, person.personId(), person);
        }
        // Saturday 7 March 2026, 18:40 in New York (EST); at 02:00 on Sunday the clocks go forward to EDT.
        clock.pin(at("2026-03-07T23:41"));
        IncidentReported elopement = IncidentFeed.reported("ELOPEMENT", true, site, at("2026-03-07T23:40"), ana, List.of(ana, ben), List.of());

        IncidentFeed.send(elopement);

        asDirectorOf(site).when().get("/api/debriefs/" + awaitDebriefOf(elopement)).then().statusCode(200)
                .body("startsAt", equalTo("2026-03-08T13:00:00Z"))
                .body("facilitatorId", equalTo(facilitator))
                .body("participants.staffId", hasItem(supervisor));
    }

    @Test
    void aTombstoneRemovesAPersonsRolesAndWorkingTime() {
        RosterFixture.facilitator(site, facilitator);
        RosterFixture.shift(site, facilitator, "2026-11-21T08:00", "2026-11-21T16:00");
        assertThat(read(() -> roster.facilitatorsOf(site))).containsExactly(facilitator);

        RosterFixture.removePerson(facilitator);

        assertThat(read(() -> roster.facilitatorsOf(site))).isEmpty();
        assertThat(read(() -> roster.shiftsOf(site, List.of(), List.of(facilitator), at("2026-11-21T00:00"), at("2026-11-22T00:00"))))
                .isEmpty();
    }

    @Test
    void aProjectionRebuiltFromTheTopicsOnEmptyTablesEqualsTheOldOne() {
        RosterFixture.supervisor(site, supervisor);
        RosterFixture.supervisor(site, ana);                 // a second record for two keys: the later one counts
        RosterFixture.facilitator(site, facilitator);
        RosterFixture.shift(site, ben, "2026-11-21T09:00", "2026-11-21T17:00");
        RosterFixture.removePerson(cy);
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
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.topic().equals(HavenEvents.SITES_TOPIC)) {
            consumer.onSite(record);
        } else {
            consumer.onPerson(record);
        }
    }

    private static <T> T read(java.util.concurrent.Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }

    /** Every row of the projection, as text, in a fixed order. */
    @SuppressWarnings("unchecked")
    private static List<String> projection() {
        return read(() -> TABLES.stream().flatMap(sql -> ((List<Object[]>) Panache.getEntityManager()
                        .createNativeQuery(sql).getResultList()).stream().map(row -> sql.substring(sql.lastIndexOf(' ')) + Arrays.toString(row)))
                .sorted().toList());
    }

    /** A fresh database as far as the projection goes: no rows. */
    private static void emptyProjection() {
        QuarkusTransaction.requiringNew().run(() -> Stream.of("DELETE FROM org_role", "DELETE FROM org_work_pattern",
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

package org.haven.wellness;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.EventType;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationPerson;
import org.haven.events.WorkPattern;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;
import org.haven.testing.TestTokens;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * Tokens for people the directory agrees with: before handing out a token naming sites, the person is published on
 * organisation.people as notification-service would (working time at a staff member's sites, the SUPERVISOR or
 * PROGRAM_DIRECTOR role at a supervisor's or director's), and the projection is awaited. What a person was given
 * earlier in the run is kept, as a directory keeps it, so one person may sign in with any of their sites.
 */
final class DirectoryTokens {

    private record Held(Set<String> workAt, Set<OrganisationPerson.Role> roles) {
    }

    private static final Map<String, Held> PUBLISHED = new ConcurrentHashMap<>();

    private DirectoryTokens() {
    }

    static String staff(String personId, String... sites) {
        give(personId, null, sites);
        return TestTokens.staff(personId, sites);
    }

    static String supervisor(String personId, String... sites) {
        give(personId, "SUPERVISOR", sites);
        return TestTokens.supervisor(personId, sites);
    }

    static String director(String personId, String... sites) {
        give(personId, "PROGRAM_DIRECTOR", sites);
        return TestTokens.director(personId, sites);
    }

    private static synchronized void give(String personId, String role, String... sites) {
        Held held = PUBLISHED.getOrDefault(personId, new Held(Set.of(), Set.of()));
        Set<String> workAt = new LinkedHashSet<>(held.workAt());
        Set<OrganisationPerson.Role> roles = new LinkedHashSet<>(held.roles());
        for (String site : sites) {
            if (role == null) {
                workAt.add(site);
            } else {
                roles.add(new OrganisationPerson.Role(site, role));
            }
        }
        if (held.workAt().equals(workAt) && held.roles().equals(roles) && PUBLISHED.containsKey(personId)) {
            return;
        }
        publish(new OrganisationPerson(personId, "Staff " + personId, List.copyOf(roles),
                workAt.stream().map(site -> new OrganisationPerson.SiteShifts(site, new WorkPattern(List.of(), List.of()))).toList()));
        PUBLISHED.put(personId, new Held(Set.copyOf(workAt), Set.copyOf(roles)));
    }

    /** Publishes the person's whole state on organisation.people and waits until the projection holds it. */
    static void publish(OrganisationPerson person) {
        RecordMetadata sent = send(HavenEvents.ORGANISATION_PERSON, person.personId(), person);
        awaitProjected("org_person", person.personId(), sent);
    }

    /** Removes the person from the directory (a tombstone) and waits until the projection has it. */
    static void remove(String personId) {
        RecordMetadata sent = HavenInfrastructure.kafka().produceStrings()
                .fromRecords(new ProducerRecord<String, String>(HavenEvents.PEOPLE_TOPIC, personId, null))
                .awaitCompletion(Duration.ofSeconds(15)).getLastRecord();
        PUBLISHED.remove(personId);
        awaitProjected("org_person", personId, sent);
    }

    static <T> RecordMetadata send(EventType<T> type, String key, T data) {
        EventEnvelope event = EventEnvelope.create(type, HavenEvents.ownerOf(type.topic()), key, TestTime.now(), data);
        return HavenInfrastructure.kafka().produceStrings()
                .fromRecords(new ProducerRecord<>(type.topic(), key, EventCodec.encode(event)))
                .awaitCompletion(Duration.ofSeconds(15)).getLastRecord();
    }

    static void awaitProjected(String table, String id, RecordMetadata sent) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Panache.getEntityManager()
                    .createNativeQuery("SELECT source_offset FROM " + table + " WHERE id = ?1 AND source_partition = ?2")
                    .setParameter(1, id).setParameter(2, sent.partition()).getResultList();
            return !rows.isEmpty() && ((Number) rows.get(0)).longValue() >= sent.offset();
        }));
    }
}

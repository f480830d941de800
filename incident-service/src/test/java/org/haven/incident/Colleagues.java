package org.haven.incident;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationPerson;
import org.haven.events.WorkPattern;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Puts people into incident-service's projection of the organisation the way notification-service does (a whole
 * person record on {@code organisation.people}) and waits until it is applied, so a report may name them. A person
 * hired at several sites of this run keeps all of them: each record is the person's whole state.
 */
final class Colleagues {

    private static final Map<String, Map<String, WorkPattern>> SITES_OF = new LinkedHashMap<>();
    /** Display names given by {@link #hireNamed}; anyone else is "Staff <id>". */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    private Colleagues() {
    }

    /** {@code ids} work at {@code site} with no working time there (members, never on shift). */
    static void hire(String site, String... ids) {
        hire(site, WorkPattern.none(), ids);
    }

    /**
     * Like {@link #hire}, with the names the directory gives them; later records of these people keep the names, so a
     * test that shows a name is not undone by another that hires the same person.
     */
    static synchronized void hireNamed(String site, WorkPattern pattern, Map<String, String> namesById) {
        namesById.forEach((id, name) -> {
            if (!name.equals(NAMES.put(id, name)) && SITES_OF.containsKey(id)) {
                SITES_OF.get(id).remove(site); // publish again under the new name
            }
        });
        hire(site, pattern, namesById.keySet().toArray(String[]::new));
    }

    static synchronized void hire(String site, WorkPattern pattern, String... ids) {
        Map<String, RecordMetadata> sent = new LinkedHashMap<>();
        for (String id : ids) {
            Map<String, WorkPattern> sites = SITES_OF.computeIfAbsent(id, k -> new LinkedHashMap<>());
            if (pattern.equals(sites.get(site))) {
                continue;
            }
            sites.put(site, pattern);
            List<OrganisationPerson.SiteShifts> shifts = sites.entrySet().stream()
                    .map(e -> new OrganisationPerson.SiteShifts(e.getKey(), e.getValue())).toList();
            OrganisationPerson person = new OrganisationPerson(id, NAMES.getOrDefault(id, "Staff " + id), List.of(), shifts);
            EventEnvelope event = EventEnvelope.create(HavenEvents.ORGANISATION_PERSON, HavenEvents.ownerOf(HavenEvents.PEOPLE_TOPIC),
                    id, TestTime.now(), person);
            sent.put(id, HavenInfrastructure.kafka().produceStrings()
                    .fromRecords(new ProducerRecord<>(HavenEvents.PEOPLE_TOPIC, id, EventCodec.encode(event)))
                    .awaitCompletion(Duration.ofSeconds(15)).getLastRecord());
        }
        sent.forEach((id, record) -> await().atMost(Duration.ofSeconds(30)).until(() -> applied(id, record)));
    }

    private static boolean applied(String id, RecordMetadata record) {
        return QuarkusTransaction.requiringNew().call(() -> !Panache.getEntityManager().createNativeQuery(
                        "SELECT 1 FROM org_person WHERE id = ?1 AND source_partition = ?2 AND source_offset >= ?3")
                .setParameter(1, id).setParameter(2, record.partition()).setParameter(3, record.offset())
                .getResultList().isEmpty());
    }
}

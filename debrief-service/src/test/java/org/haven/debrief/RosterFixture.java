package org.haven.debrief;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.EventType;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.events.WorkPattern;
import org.haven.testing.HavenInfrastructure;
import org.haven.testing.TestTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Keeps a site's people as notification-service, the organisation's owner, does: by publishing each person's and
 * site's whole state on the organisation topics, over the real broker. Each call returns once debrief-service's
 * projection holds the record it published. Test sites are in UTC, so a shift written "2026-11-21T07:00" is 07:00Z.
 */
final class RosterFixture {

    private static final Set<String> SITES = new LinkedHashSet<>();
    private static final Map<String, String> SUPERVISORS = new HashMap<>();
    private static final Map<String, Set<OrganisationPerson.Role>> ROLES = new HashMap<>();
    private static final Map<String, Map<String, List<WorkPattern.Dated>>> SHIFTS = new HashMap<>();

    private RosterFixture() {
    }

    static synchronized void supervisor(String site, String supervisorId) {
        ensureSite(site);
        String before = SUPERVISORS.put(site, supervisorId);
        if (before != null && !before.equals(supervisorId)) {
            roles(before).remove(new OrganisationPerson.Role(site, "SUPERVISOR"));
            publishPerson(before);
        }
        roles(supervisorId).add(new OrganisationPerson.Role(site, "SUPERVISOR"));
        publishPerson(supervisorId);
    }

    static synchronized void facilitator(String site, String staffId) {
        ensureSite(site);
        roles(staffId).add(new OrganisationPerson.Role(site, "FACILITATOR"));
        publishPerson(staffId);
    }

    static synchronized void removeFacilitator(String site, String staffId) {
        roles(staffId).remove(new OrganisationPerson.Role(site, "FACILITATOR"));
        publishPerson(staffId);
    }

    /** An extra shift on the day it starts (UTC), written as "2026-11-21T07:00"; it may end the next day. */
    static synchronized String shift(String site, String staffId, String start, String end) {
        ensureSite(site);
        LocalDateTime from = LocalDateTime.parse(start);
        LocalDateTime to = LocalDateTime.parse(end);
        if (!to.isAfter(from) || to.isAfter(from.plusDays(1))) {
            throw new IllegalArgumentException("a test shift lasts up to a day: " + start + " – " + end);
        }
        SHIFTS.computeIfAbsent(staffId, id -> new HashMap<>()).computeIfAbsent(site, id -> new ArrayList<>())
                .add(new WorkPattern.Dated(from.toLocalDate(), from.toLocalTime(), to.toLocalTime(), WorkPattern.Kind.EXTRA));
        publishPerson(staffId);
        return UUID.randomUUID().toString();
    }

    static Instant at(String minute) {
        return Instant.parse(minute + ":00Z");
    }

    private static Set<OrganisationPerson.Role> roles(String personId) {
        return ROLES.computeIfAbsent(personId, id -> new LinkedHashSet<>());
    }

    private static void ensureSite(String site) {
        if (SITES.add(site)) {
            RecordMetadata sent = publish(HavenEvents.ORGANISATION_SITE, site,
                    new OrganisationSite(site, "House " + site, ZoneOffset.UTC.getId(), null));
            awaitProjected("org_site", site, sent);
        }
    }

    private static void publishPerson(String personId) {
        List<OrganisationPerson.SiteShifts> shifts = SHIFTS.getOrDefault(personId, Map.of()).entrySet().stream()
                .map(e -> new OrganisationPerson.SiteShifts(e.getKey(), new WorkPattern(List.of(), e.getValue())))
                .toList();
        RecordMetadata sent = publish(HavenEvents.ORGANISATION_PERSON, personId,
                new OrganisationPerson(personId, "Staff " + personId, List.copyOf(roles(personId)), shifts));
        awaitProjected("org_person", personId, sent);
    }

    /** Publishes a record as the owner does and waits until the projection holds it. */
    static <T> void publishAndAwait(EventType<T> type, String key, T data) {
        awaitProjected(type == HavenEvents.ORGANISATION_SITE ? "org_site" : "org_person", key, publish(type, key, data));
    }

    /** Publishes the owner's tombstone for a person and waits until the projection applied it. */
    static void removePerson(String personId) {
        RecordMetadata sent = HavenInfrastructure.kafka().produceStrings()
                .fromRecords(new ProducerRecord<String, String>(HavenEvents.PEOPLE_TOPIC, personId, null))
                .awaitCompletion(Duration.ofSeconds(15))
                .getLastRecord();
        awaitProjected("org_person", personId, sent);
    }

    private static <T> RecordMetadata publish(EventType<T> type, String key, T data) {
        EventEnvelope event = EventEnvelope.create(type, HavenEvents.ownerOf(type.topic()), key, TestTime.now(), data);
        return HavenInfrastructure.kafka().produceStrings()
                .fromRecords(new ProducerRecord<>(type.topic(), key, EventCodec.encode(event)))
                .awaitCompletion(Duration.ofSeconds(15))
                .getLastRecord();
    }

    private static void awaitProjected(String table, String id, RecordMetadata sent) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Panache.getEntityManager()
                    .createNativeQuery("SELECT source_offset FROM " + table + " WHERE id = ?1 AND source_partition = ?2")
                    .setParameter(1, id).setParameter(2, sent.partition()).getResultList();
            return !rows.isEmpty() && ((Number) rows.get(0)).longValue() >= sent.offset();
        }));
    }
}

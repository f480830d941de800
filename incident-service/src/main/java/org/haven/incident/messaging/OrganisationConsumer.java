package org.haven.incident.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.haven.incident.persistence.OrganisationProjection;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.UnreadableEventException;
import org.haven.messaging.IdempotentConsumer;

/**
 * Keeps the projection of notification-service's organisation (who works at which site): every site and person record, a tombstone (null
 * value) removing its key. The channels commit no offsets, so every start reads both compacted topics from the
 * beginning: a fresh database is rebuilt without anyone resetting a consumer group, and a replay changes nothing
 * since the projection applies only records newer than what it holds.
 */
@ApplicationScoped
public class OrganisationConsumer {

    static final String CONSUMER = "incident-service-organisation";

    private final IdempotentConsumer consumer;
    private final OrganisationProjection projection;

    OrganisationConsumer(IdempotentConsumer consumer, OrganisationProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming("organisation-sites")
    @Blocking(ordered = true)
    public void onSite(ConsumerRecord<String, String> record) {
        OrganisationProjection.Position at = new OrganisationProjection.Position(record.partition(), record.offset());
        if (record.value() == null) {
            QuarkusTransaction.requiringNew().run(() -> projection.site(record.key(), null, at));
            return;
        }
        EventEnvelope event = consumer.read(record);
        consumer.apply(CONSUMER, event, HavenEvents.ORGANISATION_SITE, site -> {
            requireKey(record, site.siteId());
            projection.site(site.siteId(), site, at);
        });
    }

    @Incoming("organisation-people")
    @Blocking(ordered = true)
    public void onPerson(ConsumerRecord<String, String> record) {
        OrganisationProjection.Position at = new OrganisationProjection.Position(record.partition(), record.offset());
        if (record.value() == null) {
            QuarkusTransaction.requiringNew().run(() -> projection.person(record.key(), null, at));
            return;
        }
        EventEnvelope event = consumer.read(record);
        consumer.apply(CONSUMER, event, HavenEvents.ORGANISATION_PERSON, person -> {
            requireKey(record, person.personId());
            projection.person(person.personId(), person, at);
        });
    }

    /** A record's key is the id it describes; one that is not would make compaction keep the wrong record. */
    private static void requireKey(ConsumerRecord<String, String> record, String id) {
        if (!id.equals(record.key())) {
            throw new UnreadableEventException("record keyed '" + record.key() + "' on " + record.topic() + " describes '" + id + "'");
        }
    }
}

package org.haven.wellness.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.messaging.StateTopicReader;
import org.haven.wellness.persistence.OrganisationProjection;

/**
 * Keeps the projection of notification-service's organisation (who works and supervises where): every site and
 * person record, a tombstone (null value) removing its key. The channels commit no offsets, so every start reads
 * both compacted topics from the beginning: a fresh database is rebuilt without anyone resetting a consumer group,
 * and a replay changes nothing since the projection applies only records newer than what it holds
 * ({@link StateTopicReader}).
 */
@ApplicationScoped
public class OrganisationConsumer {

    private final StateTopicReader reader;
    private final OrganisationProjection projection;

    OrganisationConsumer(StateTopicReader reader, OrganisationProjection projection) {
        this.reader = reader;
        this.projection = projection;
    }

    @Incoming("organisation-sites")
    @Blocking(ordered = true)
    public void onSite(ConsumerRecord<String, String> record) {
        reader.apply(record, HavenEvents.ORGANISATION_SITE, OrganisationSite::siteId, projection::site);
    }

    @Incoming("organisation-people")
    @Blocking(ordered = true)
    public void onPerson(ConsumerRecord<String, String> record) {
        reader.apply(record, HavenEvents.ORGANISATION_PERSON, OrganisationPerson::personId, projection::person);
    }
}

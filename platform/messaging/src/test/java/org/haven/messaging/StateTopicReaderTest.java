package org.haven.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.haven.events.EventCodec;
import org.haven.events.EventEnvelope;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationSite;
import org.haven.events.UnreadableEventException;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class StateTopicReaderTest {

    private static final String OWNER = HavenEvents.ownerOf(HavenEvents.SITES_TOPIC);
    private static final Instant PUBLISHED = Instant.parse("2026-11-22T10:00:00Z");

    @Inject
    StateTopicReader reader;

    private record Applied(String key, OrganisationSite state, RecordPosition at, boolean inTransaction) {
    }

    private final List<Applied> applied = new ArrayList<>();

    private void project(String key, OrganisationSite state, RecordPosition at) {
        applied.add(new Applied(key, state, at, QuarkusTransaction.isActive()));
    }

    private static ConsumerRecord<String, String> record(String key, String source, OrganisationSite site, long offset) {
        String value = site == null ? null
                : EventCodec.encode(EventEnvelope.create(HavenEvents.ORGANISATION_SITE, source, key, PUBLISHED, site));
        return new ConsumerRecord<>(HavenEvents.SITES_TOPIC, 2, offset, key, value);
    }

    @Test
    void aRecordIsTheWholeStateOfItsKeyAndATombstoneItsRemovalEachAppliedInATransactionWithItsPosition() {
        OrganisationSite north = new OrganisationSite("site-n", "North", "America/New_York", null);

        reader.apply(record("site-n", OWNER, north, 7), HavenEvents.ORGANISATION_SITE, OrganisationSite::siteId, this::project);
        reader.apply(record("site-n", OWNER, null, 9), HavenEvents.ORGANISATION_SITE, OrganisationSite::siteId, this::project);

        assertThat(applied).containsExactly(
                new Applied("site-n", north, new RecordPosition(2, 7), true),
                new Applied("site-n", null, new RecordPosition(2, 9), true));
    }

    @Test
    void aRecordKeyedByAnotherIdThanTheOneItDescribesIsRefusedAndAppliesNothing() {
        ConsumerRecord<String, String> misKeyed = record("site-s", OWNER, new OrganisationSite("site-n", "North", "UTC", null), 3);

        assertThatThrownBy(() -> reader.apply(misKeyed, HavenEvents.ORGANISATION_SITE, OrganisationSite::siteId, this::project))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("site-s").hasMessageContaining("site-n");
        assertThat(applied).isEmpty();
    }

    @Test
    void aRecordFromAnotherSourceThanTheTopicsOwnerIsRefused() {
        ConsumerRecord<String, String> forged = record("site-n", "incident-service", new OrganisationSite("site-n", "North", "UTC", null), 3);

        assertThatThrownBy(() -> reader.apply(forged, HavenEvents.ORGANISATION_SITE, OrganisationSite::siteId, this::project))
                .isInstanceOf(UnreadableEventException.class);
        assertThat(applied).isEmpty();
    }

    @Test
    void aFailureThatMayPassIsRetriedAndOneThatCannotIsThrownAtOnce() {
        OrganisationSite north = new OrganisationSite("site-n", "North", "UTC", null);
        AtomicInteger attempts = new AtomicInteger();

        reader.apply(record("site-n", OWNER, north, 4), HavenEvents.ORGANISATION_SITE, OrganisationSite::siteId, (key, state, at) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("lock timeout");
            }
            project(key, state, at);
        });
        assertThat(attempts).hasValue(3);
        assertThat(applied).hasSize(1);

        AtomicInteger invalid = new AtomicInteger();
        assertThatThrownBy(() -> reader.apply(record("site-n", OWNER, north, 5), HavenEvents.ORGANISATION_SITE, OrganisationSite::siteId,
                (key, state, at) -> {
                    invalid.incrementAndGet();
                    throw new IllegalArgumentException("no such zone");
                })).isInstanceOf(IllegalArgumentException.class);
        assertThat(invalid).hasValue(1);
    }
}

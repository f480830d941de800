package org.haven.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.Site;
import org.haven.testing.HavenInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch sends several deliveries in one transaction while other transactions commit beside it: an
 * acknowledgement, say, between a page and the "handled by" notice it records. Each delivery must be
 * rendered from rows as they are committed when it is sent, never from what an earlier delivery of the
 * same batch loaded: two replicas once mailed "Handled by null" that way.
 */
@QuarkusTest
@QuarkusTestResource(HavenInfrastructure.class)
class SendBatchFreshnessTest {

    @Inject
    EntityManager entityManager;
    @Inject
    Directory directory;

    @Test
    void eachDeliveryOfABatchSeesWhatOtherTransactionsCommittedSinceThePreviousOne() {
        String siteId = "site-" + UUID.randomUUID().toString().substring(0, 8);
        ZoneId zone = ZoneId.of("America/New_York");
        QuarkusTransaction.requiringNew().run(() -> directory.putSite(siteId, "Before", zone));
        Iterator<UUID> due = List.of(UUID.randomUUID(), UUID.randomUUID()).iterator();
        List<String> seen = new ArrayList<>();

        QuarkusTransaction.requiringNew().run(() -> SendBatch.handleDue(Duration.ofSeconds(30), () -> true, entityManager,
                () -> due.hasNext() ? Optional.of(due.next()) : Optional.empty(),
                delivery -> {
                    seen.add(entityManager.find(Site.class, siteId).name);
                    if (seen.size() == 1) {
                        QuarkusTransaction.requiringNew().run(() -> directory.putSite(siteId, "After", zone));
                    }
                    return true;
                }));

        assertThat(seen).containsExactly("Before", "After");
    }
}

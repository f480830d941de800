package org.haven.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

/**
 * Remembers which events a consumer has already applied. Called in the transaction of the effect,
 * so an event's id is recorded if and only if its effect committed.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                        INSERT INTO haven_inbox (consumer, event_id) VALUES (?1, ?2)
                        ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("haven_inbox") // no flush of the caller's session first (see Outbox)
                .executeUpdate() == 1;
    }
}

package org.haven.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Records every change of the directory in the transaction that makes it, with the changed thing's state before and
 * after. The state is read through the caller's {@code state} supplier twice, around the change, from the database
 * (the persistence context is flushed and cleared in between, since the directory writes by native upserts).
 */
@ApplicationScoped
public class DirectoryAudit {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    DirectoryAudit(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** Runs {@code change} and records it, unless it left the state as it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T change(String by, String action, String subject, Supplier<?> state, Supplier<T> change) {
        String before = write(fresh(state));
        T result = change.get();
        String after = write(fresh(state));
        if (!Objects.equals(before, after)) {
            DirectoryChange row = new DirectoryChange();
            row.changedAt = clock.instant();
            row.changedBy = by;
            row.action = action;
            row.subject = subject;
            row.beforeJson = before;
            row.afterJson = after;
            entityManager.persist(row);
        }
        return result;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void change(String by, String action, String subject, Supplier<?> state, Runnable change) {
        change(by, action, subject, state, () -> {
            change.run();
            return null;
        });
    }

    /** The latest changes first. */
    public List<DirectoryChange> latest(int offset, int limit) {
        return entityManager.createQuery("SELECT c FROM DirectoryChange c ORDER BY c.id DESC", DirectoryChange.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private Object fresh(Supplier<?> state) {
        entityManager.flush();
        entityManager.clear();
        return state.get();
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the audited state of a directory change", e);
        }
    }
}

package org.haven.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.haven.events.HavenEvents;
import org.haven.events.OrganisationPerson;
import org.haven.events.OrganisationSite;
import org.haven.messaging.Outbox;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.Person;
import org.haven.notification.domain.Site;
import org.haven.notification.domain.SiteAssignment;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/**
 * Publishes the whole current state of a site or person on its compacted topic after every change, in the
 * transaction that made it (through the outbox); a site or person no longer stored is published as a tombstone.
 * The other services build their read-only projections of the organisation from nothing else.
 */
@ApplicationScoped
public class OrganisationEvents {

    private final EntityManager entityManager;
    private final Directory directory;
    private final Outbox outbox;
    private final Clock clock;
    private final String source;

    OrganisationEvents(EntityManager entityManager, Directory directory, Outbox outbox, Clock clock,
                       @ConfigProperty(name = "haven.source") String source) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        this.source = source;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void siteChanged(String siteId) {
        Site site = fresh(Site.class, siteId);
        if (site == null) {
            outbox.publishRemoval(HavenEvents.ORGANISATION_SITE, siteId);
            return;
        }
        outbox.publish(HavenEvents.ORGANISATION_SITE, source, siteId, clock.instant(),
                new OrganisationSite(site.id, site.name, site.timeZone, site.jurisdiction));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void personChanged(String personId) {
        Person person = fresh(Person.class, personId);
        if (person == null) {
            outbox.publishRemoval(HavenEvents.ORGANISATION_PERSON, personId);
            return;
        }
        List<OrganisationPerson.Role> roles = entityManager.createQuery(
                        "SELECT a FROM SiteAssignment a WHERE a.personId = :person ORDER BY a.siteId, a.role", SiteAssignment.class)
                .setParameter("person", personId)
                .getResultStream()
                .map(a -> new OrganisationPerson.Role(a.siteId, a.role.name()))
                .toList();
        List<OrganisationPerson.SiteShifts> shifts = directory.patterns(personId).entrySet().stream()
                .map(e -> new OrganisationPerson.SiteShifts(e.getKey(), e.getValue()))
                .toList();
        outbox.publish(HavenEvents.ORGANISATION_PERSON, source, personId, clock.instant(),
                new OrganisationPerson(person.id, person.displayName, roles, shifts));
    }

    /** The stored row, not a copy this session loaded before a native upsert changed it. */
    private <T> T fresh(Class<T> type, String id) {
        entityManager.flush();
        T entity = entityManager.find(type, id);
        if (entity != null) {
            entityManager.refresh(entity);
        }
        return entity;
    }
}

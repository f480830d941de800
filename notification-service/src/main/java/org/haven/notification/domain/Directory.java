package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.haven.events.WorkPattern;
import org.haven.notification.messaging.OrganisationEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who is responsible for which site. Writes are upserts, so loading the same directory data twice,
 * or from two replicas at once, leaves one copy of it.
 */
@ApplicationScoped
public class Directory {

    /** A person holding a role at a site, as the directory lists it. */
    public record Member(Person person, SiteRole role) {
    }

    private final EntityManager entityManager;
    private final OrganisationEvents events;

    Directory(EntityManager entityManager, OrganisationEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    public Optional<Site> site(String siteId) {
        return Optional.ofNullable(entityManager.find(Site.class, siteId));
    }

    /** The people holding {@code role} at a site, in a stable order. */
    public List<Person> withRole(String siteId, SiteRole role) {
        return entityManager.createQuery("""
                        SELECT p FROM Person p, SiteAssignment a
                        WHERE a.personId = p.id AND a.siteId = :site AND a.role = :role
                        ORDER BY p.id""", Person.class)
                .setParameter("site", siteId)
                .setParameter("role", role)
                .getResultList();
    }

    public List<Site> sites() {
        return entityManager.createQuery("SELECT s FROM Site s ORDER BY s.id", Site.class).getResultList();
    }

    /** Everyone with a role at a site, in escalation order (supervisors first). */
    public List<Member> members(String siteId) {
        return entityManager.createQuery("""
                        SELECT p, a.role FROM Person p, SiteAssignment a
                        WHERE a.personId = p.id AND a.siteId = :site""", Object[].class)
                .setParameter("site", siteId)
                .getResultStream()
                .map(row -> new Member((Person) row[0], (SiteRole) row[1]))
                .sorted(Comparator.comparing(Member::role).thenComparing(m -> m.person().id))
                .toList();
    }

    @Transactional
    public void putSite(String id, String name, ZoneId zone) {
        entityManager.createNativeQuery("""
                        INSERT INTO site (id, name, time_zone) VALUES (?1, ?2, ?3)
                        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone""")
                .setParameter(1, id)
                .setParameter(2, name)
                .setParameter(3, zone.getId())
                .executeUpdate();
        events.siteChanged(id);
    }

    /** Records (or clears, with null) whose licensing rules apply at a site. */
    @Transactional
    public void setJurisdiction(String siteId, String jurisdiction) {
        entityManager.createNativeQuery("UPDATE site SET jurisdiction = ?2 WHERE id = ?1")
                .setParameter(1, siteId).setParameter(2, jurisdiction).executeUpdate();
        events.siteChanged(siteId);
    }

    @Transactional
    public void putPerson(String id, String displayName, String email) {
        putPerson(id, displayName, email, null);
    }

    @Transactional
    public void putPerson(String id, String displayName, String email, String phone) {
        putPerson(id, displayName, email, phone, null);
    }

    @Transactional
    public void putPerson(String id, String displayName, String email, String phone, String preferredLanguage) {
        entityManager.createNativeQuery("""
                        INSERT INTO person (id, display_name, email, phone, preferred_language) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, email = EXCLUDED.email,
                            phone = EXCLUDED.phone, preferred_language = EXCLUDED.preferred_language""")
                .setParameter(1, id)
                .setParameter(2, displayName)
                .setParameter(3, email)
                .setParameter(4, phone)
                .setParameter(5, preferredLanguage)
                .executeUpdate();
        events.personChanged(id);
    }

    /** Makes set-ups and seeds of two replicas take turns, for the rest of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForSetUp() {
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(7007)) AS locked").getSingleResult();
    }

    /** Whether the directory holds no site yet: a first run, which the console answers with its set-up. */
    public boolean isEmpty() {
        return entityManager.createQuery("SELECT count(s) FROM Site s", Long.class).getSingleResult() == 0;
    }

    /** The program's administrators: paged when an alert can be routed to no one else. */
    public List<Person> administrators() {
        return entityManager.createNativeQuery("""
                        SELECT p.* FROM person p JOIN administrator a ON a.person_id = p.id ORDER BY p.id""", Person.class)
                .getResultList();
    }

    @Transactional
    public void makeAdministrator(String personId, Instant since) {
        entityManager.createNativeQuery("INSERT INTO administrator (person_id, since) VALUES (?1, ?2) ON CONFLICT (person_id) DO NOTHING")
                .setParameter(1, personId).setParameter(2, since).executeUpdate();
    }

    public boolean isAdministrator(String personId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM administrator WHERE person_id = ?1")
                .setParameter(1, personId).getSingleResult()).longValue() > 0;
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(entityManager.find(Person.class, id));
    }

    public List<Person> people() {
        return entityManager.createQuery("SELECT p FROM Person p ORDER BY p.id", Person.class).getResultList();
    }

    /** The sites among {@code ids}, for callers who may see only their own. */
    public List<Site> sitesIn(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT s FROM Site s WHERE s.id IN :ids ORDER BY s.id", Site.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    @Transactional
    public void unassign(String siteId, String personId, SiteRole role) {
        entityManager.createQuery("DELETE FROM SiteAssignment a WHERE a.siteId = :site AND a.personId = :person AND a.role = :role")
                .setParameter("site", siteId)
                .setParameter("person", personId)
                .setParameter("role", role)
                .executeUpdate();
        events.personChanged(personId);
    }

    /**
     * The site's escalation chain in level order. A site without one gets the default: its
     * supervisors at once, then its program directors after {@code directorAfter}.
     */
    public List<EscalationLevel> chain(String siteId, Duration directorAfter) {
        List<EscalationLevel> levels = configuredChain(siteId);
        if (!levels.isEmpty()) {
            return levels;
        }
        return List.of(EscalationLevel.of(siteId, 1, Duration.ZERO, EscalationTarget.SUPERVISORS, null),
                EscalationLevel.of(siteId, 2, directorAfter, EscalationTarget.PROGRAM_DIRECTORS, null));
    }

    public List<EscalationLevel> configuredChain(String siteId) {
        return entityManager.createQuery("SELECT l FROM EscalationLevel l WHERE l.siteId = :site ORDER BY l.level", EscalationLevel.class)
                .setParameter("site", siteId)
                .getResultList();
    }

    /** Replaces a site's chain and how often it repeats; levels are numbered in the order given. */
    @Transactional
    public void replaceChain(String siteId, int repeats, List<EscalationLevel> levels) {
        Site site = entityManager.find(Site.class, siteId);
        site.escalationRepeats = repeats;
        entityManager.createQuery("DELETE FROM EscalationLevel l WHERE l.siteId = :site").setParameter("site", siteId).executeUpdate();
        entityManager.flush();
        for (int i = 0; i < levels.size(); i++) {
            EscalationLevel level = levels.get(i);
            level.siteId = siteId;
            level.level = i + 1;
            entityManager.persist(level);
        }
    }

    @Transactional
    public OnCallShift addShift(String siteId, String personId, Instant startsAt, Instant endsAt) {
        OnCallShift shift = new OnCallShift();
        shift.siteId = siteId;
        shift.personId = personId;
        shift.startsAt = startsAt;
        shift.endsAt = endsAt;
        entityManager.persist(shift);
        return shift;
    }

    public Optional<OnCallShift> shift(String siteId, long shiftId) {
        return Optional.ofNullable(entityManager.find(OnCallShift.class, shiftId)).filter(s -> s.siteId.equals(siteId));
    }

    @Transactional
    public OnCallShift changeShift(long shiftId, String personId, Instant startsAt, Instant endsAt) {
        OnCallShift shift = entityManager.find(OnCallShift.class, shiftId);
        shift.personId = personId;
        shift.startsAt = startsAt;
        shift.endsAt = endsAt;
        return shift;
    }

    @Transactional
    public void removeShift(long shiftId) {
        entityManager.createQuery("DELETE FROM OnCallShift s WHERE s.id = :id").setParameter("id", shiftId).executeUpdate();
    }

    /** The on-call shifts of a site overlapping {@code [from, to)}, in order. */
    public List<OnCallShift> shiftsBetween(String siteId, Instant from, Instant to) {
        return entityManager.createQuery("""
                        SELECT s FROM OnCallShift s WHERE s.siteId = :site AND s.endsAt > :from AND s.startsAt < :to
                        ORDER BY s.startsAt, s.id""", OnCallShift.class)
                .setParameter("site", siteId).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /** The ids of everyone with working time recorded at a site, in id order. */
    public List<String> workingAt(String siteId) {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>(entityManager.createQuery(
                "SELECT DISTINCT s.personId FROM WorkShift s WHERE s.siteId = :site", String.class).setParameter("site", siteId).getResultList());
        ids.addAll(entityManager.createQuery("SELECT DISTINCT e.personId FROM ShiftException e WHERE e.siteId = :site", String.class)
                .setParameter("site", siteId).getResultList());
        return List.copyOf(ids);
    }

    /** Every role the person holds, by site. */
    public List<SiteAssignment> assignments(String personId) {
        return entityManager.createQuery("SELECT a FROM SiteAssignment a WHERE a.personId = :person ORDER BY a.siteId, a.role",
                        SiteAssignment.class)
                .setParameter("person", personId).getResultList();
    }

    /** The rota of a site from {@code from} on, in order: the shift on now first, then the handovers. */
    public List<OnCallShift> rota(String siteId, Instant from) {
        return entityManager.createQuery("""
                        SELECT s FROM OnCallShift s WHERE s.siteId = :site AND s.endsAt > :from
                        ORDER BY s.startsAt, s.id""", OnCallShift.class)
                .setParameter("site", siteId)
                .setParameter("from", from)
                .getResultList();
    }

    /** Who is on call at a site at {@code at}: the latest-starting shift covering that moment wins a handover. */
    public Optional<Person> onCall(String siteId, Instant at) {
        return entityManager.createQuery("""
                        SELECT p FROM Person p, OnCallShift s
                        WHERE s.personId = p.id AND s.siteId = :site AND s.startsAt <= :at AND s.endsAt > :at
                        ORDER BY s.startsAt DESC, s.id DESC""", Person.class)
                .setParameter("site", siteId)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The people a level of the chain pages at {@code at}. */
    public List<Person> recipients(EscalationLevel level, Instant at) {
        return switch (level.target) {
            case ON_CALL -> onCall(level.siteId, at).map(List::of).orElseGet(() -> withRole(level.siteId, SiteRole.SUPERVISOR));
            case SUPERVISORS -> withRole(level.siteId, SiteRole.SUPERVISOR);
            case PROGRAM_DIRECTORS -> withRole(level.siteId, SiteRole.PROGRAM_DIRECTOR);
            case PERSON -> person(level.personId).map(List::of).orElse(List.of());
        };
    }

    @Transactional
    public void assign(String siteId, String personId, SiteRole role) {
        entityManager.createNativeQuery("""
                        INSERT INTO site_assignment (site_id, person_id, role) VALUES (?1, ?2, ?3)
                        ON CONFLICT (site_id, person_id, role) DO NOTHING""")
                .setParameter(1, siteId)
                .setParameter(2, personId)
                .setParameter(3, role.name())
                .executeUpdate();
        events.personChanged(personId);
    }

    /** A person's working time at each of their sites, each read in its site's zone (empty when none is recorded). */
    public WorkWeek workWeek(String personId) {
        Map<String, WorkPattern> patterns = patterns(personId);
        return new WorkWeek(patterns.entrySet().stream()
                .map(e -> new WorkWeek.AtSite(e.getKey(), site(e.getKey()).map(Site::zone).orElse(ZoneId.of("UTC")), e.getValue()))
                .toList());
    }

    /** A person's pattern per site, sites in id order. */
    public Map<String, WorkPattern> patterns(String personId) {
        Map<String, List<WorkPattern.Weekly>> weekly = new LinkedHashMap<>();
        Map<String, List<WorkPattern.Dated>> dated = new LinkedHashMap<>();
        entityManager.createQuery("SELECT s FROM WorkShift s WHERE s.personId = :person ORDER BY s.siteId, s.dayOfWeek, s.startsAt, s.id",
                        WorkShift.class)
                .setParameter("person", personId)
                .getResultStream()
                .forEach(s -> weekly.computeIfAbsent(s.siteId, k -> new java.util.ArrayList<>())
                        .add(new WorkPattern.Weekly(s.dayOfWeek, s.startsAt, s.endsAt)));
        entityManager.createQuery("SELECT e FROM ShiftException e WHERE e.personId = :person ORDER BY e.siteId, e.onDate, e.startsAt, e.id",
                        ShiftException.class)
                .setParameter("person", personId)
                .getResultStream()
                .forEach(e -> dated.computeIfAbsent(e.siteId, k -> new java.util.ArrayList<>())
                        .add(new WorkPattern.Dated(e.onDate, e.startsAt, e.endsAt, e.kind)));
        Map<String, WorkPattern> patterns = new java.util.TreeMap<>();
        weekly.keySet().forEach(site -> patterns.put(site, null));
        dated.keySet().forEach(site -> patterns.put(site, null));
        patterns.replaceAll((site, none) -> new WorkPattern(weekly.getOrDefault(site, List.of()), dated.getOrDefault(site, List.of())));
        return patterns;
    }

    /** Replaces a person's pattern at one site: weekly shifts and dated exceptions, in the site's zone. */
    @Transactional
    public void replacePattern(String personId, String siteId, List<WorkShift> shifts, List<ShiftException> exceptions) {
        // The person's row lock keeps two replicas loading the seed at once from doubling the week.
        entityManager.find(Person.class, personId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        entityManager.createQuery("DELETE FROM WorkShift s WHERE s.personId = :person AND s.siteId = :site")
                .setParameter("person", personId).setParameter("site", siteId).executeUpdate();
        entityManager.createQuery("DELETE FROM ShiftException e WHERE e.personId = :person AND e.siteId = :site")
                .setParameter("person", personId).setParameter("site", siteId).executeUpdate();
        for (WorkShift shift : shifts) {
            shift.id = null;
            shift.personId = personId;
            shift.siteId = siteId;
            entityManager.persist(shift);
        }
        for (ShiftException exception : exceptions) {
            exception.id = null;
            exception.personId = personId;
            exception.siteId = siteId;
            entityManager.persist(exception);
        }
        events.personChanged(personId);
    }
}

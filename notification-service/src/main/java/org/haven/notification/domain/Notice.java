package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notice to one person, rendered when the event that caused it was consumed. {@code about} is
 * the id of what it concerns (debrief, follow-up, incident...), the key under which a later notice
 * supersedes an earlier one still waiting to be sent.
 */
@Entity
public class Notice extends PanacheEntityBase {

    @Id
    public UUID id;
    public String eventId;
    @Enumerated(EnumType.STRING)
    public NoticeKind kind;
    public boolean urgent;
    public String recipientId;
    public String siteId;
    public String about;
    public String subject;
    public String body;
    public String shortText;
    public String calendar;
    public String calendarMethod;
    public Instant createdAt;

    static Notice of(String eventId, NoticeKind kind, String recipientId, String siteId, String about, NoticeMessage message, Instant now) {
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.eventId = eventId;
        notice.kind = kind;
        notice.urgent = kind.urgent();
        notice.recipientId = recipientId;
        notice.siteId = siteId;
        notice.about = about;
        notice.subject = message.subject();
        notice.body = message.text();
        notice.shortText = message.shortText();
        notice.calendar = message.calendar();
        notice.calendarMethod = message.calendarMethod();
        notice.createdAt = now;
        return notice;
    }

    public NoticeMessage message() {
        return new NoticeMessage(subject, body, shortText, calendar, calendarMethod);
    }

    /**
     * Whether {@code eventId} already gave {@code recipientId} a notice of this kind. A typed query, so its
     * translation is cached: Panache's {@code count(...)} translates its query again on every call.
     */
    static boolean given(String eventId, String recipientId, NoticeKind kind) {
        return !getEntityManager().createQuery(
                        "SELECT n.id FROM Notice n WHERE n.eventId = :event AND n.recipientId = :recipient AND n.kind = :kind", UUID.class)
                .setParameter("event", eventId)
                .setParameter("recipient", recipientId)
                .setParameter("kind", kind)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public static List<Notice> to(String recipientId, int limit) {
        return find("recipientId = ?1 order by createdAt desc, id", recipientId).page(0, limit).list();
    }
}

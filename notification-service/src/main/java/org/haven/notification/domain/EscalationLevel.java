package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Duration;

/** One level of a site's escalation chain: whom to page, how long after the round started. */
@Entity
public class EscalationLevel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String siteId;
    public int level;
    public long afterSeconds;
    @Enumerated(EnumType.STRING)
    public EscalationTarget target;
    public String personId;

    public static EscalationLevel of(String siteId, int level, Duration after, EscalationTarget target, String personId) {
        EscalationLevel l = new EscalationLevel();
        l.siteId = siteId;
        l.level = level;
        l.afterSeconds = after.toSeconds();
        l.target = target;
        l.personId = personId;
        return l;
    }

    public Duration after() {
        return Duration.ofSeconds(afterSeconds);
    }
}

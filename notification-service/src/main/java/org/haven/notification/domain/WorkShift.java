package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One weekly working shift of a person at a site, in wall-clock time of the site's zone: every {@code dayOfWeek}
 * from {@code startsAt}, to {@code endsAt} that day (or the next day when it is not after the start).
 */
@Entity
public class WorkShift extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String personId;
    public String siteId;
    @Enumerated(EnumType.STRING)
    public DayOfWeek dayOfWeek;
    public LocalTime startsAt;
    public LocalTime endsAt;

    public static WorkShift of(String personId, String siteId, DayOfWeek day, LocalTime startsAt, LocalTime endsAt) {
        WorkShift shift = new WorkShift();
        shift.personId = personId;
        shift.siteId = siteId;
        shift.dayOfWeek = day;
        shift.startsAt = startsAt;
        shift.endsAt = endsAt;
        return shift;
    }
}

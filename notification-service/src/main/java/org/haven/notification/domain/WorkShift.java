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
 * One weekly working shift of a person, in wall-clock time of {@code timeZone}: every {@code dayOfWeek}
 * from {@code startsAt}, to {@code endsAt} that day (or the next day when it is not after the start).
 */
@Entity
public class WorkShift extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String personId;
    @Enumerated(EnumType.STRING)
    public DayOfWeek dayOfWeek;
    public LocalTime startsAt;
    public LocalTime endsAt;
    public String timeZone;

    public static WorkShift of(String personId, DayOfWeek day, LocalTime startsAt, LocalTime endsAt, String timeZone) {
        WorkShift shift = new WorkShift();
        shift.personId = personId;
        shift.dayOfWeek = day;
        shift.startsAt = startsAt;
        shift.endsAt = endsAt;
        shift.timeZone = timeZone;
        return shift;
    }
}

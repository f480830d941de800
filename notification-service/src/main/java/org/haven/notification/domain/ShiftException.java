package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.haven.events.WorkPattern;

import java.time.LocalDate;
import java.time.LocalTime;

/** A dated change to a person's weekly pattern at a site (leave, an extra shift), in the site's zone. */
@Entity
public class ShiftException extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String personId;
    public String siteId;
    public LocalDate onDate;
    public LocalTime startsAt;
    public LocalTime endsAt;
    @Enumerated(EnumType.STRING)
    public WorkPattern.Kind kind;

    public static ShiftException of(String personId, String siteId, LocalDate date, LocalTime startsAt, LocalTime endsAt,
                                    WorkPattern.Kind kind) {
        ShiftException exception = new ShiftException();
        exception.personId = personId;
        exception.siteId = siteId;
        exception.onDate = date;
        exception.startsAt = startsAt;
        exception.endsAt = endsAt;
        exception.kind = kind;
        return exception;
    }
}

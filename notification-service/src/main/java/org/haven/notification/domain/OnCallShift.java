package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A person on call for a site from {@code startsAt} (inclusive) to {@code endsAt} (exclusive). */
@Entity
public class OnCallShift extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String siteId;
    public String personId;
    public Instant startsAt;
    public Instant endsAt;
}

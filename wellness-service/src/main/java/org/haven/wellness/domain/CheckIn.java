package org.haven.wellness.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A private self check-in. Its results are sealed; only the person who gave it can have them opened. */
@Entity
public class CheckIn extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID followUpId;
    public String staffId;
    public String siteId;
    public Instant submittedAt;
    public byte[] sealedResults;
}

package org.haven.wellness.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.UUID;

/** A person asked to talk with their supervisor. Carries no answers: asking is the whole message. */
@Entity
public class ConversationRequest extends PanacheEntityBase {

    @Id
    public UUID id;
    public String staffId;
    public String siteId;
    public UUID checkInId;
    public Instant requestedAt;

    static ConversationRequest of(String staffId, String siteId, UUID checkInId, Instant now) {
        ConversationRequest request = new ConversationRequest();
        request.id = UUID.randomUUID();
        request.staffId = staffId;
        request.siteId = siteId;
        request.checkInId = checkInId;
        request.requestedAt = now;
        return request;
    }
}

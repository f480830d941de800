package org.haven.debrief.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The conversation owed to a required participant who missed the circle. */
@Entity
public class MakeUpConversation extends PanacheEntityBase {

    public enum Status { OPEN, DONE }

    @Id
    public UUID id;
    public UUID debriefId;
    public String staffId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Instant createdAt;

    public static List<MakeUpConversation> of(UUID debriefId) {
        return list("debriefId = ?1 order by staffId", debriefId);
    }

    static MakeUpConversation owedTo(UUID debriefId, String staffId, Instant now) {
        MakeUpConversation conversation = new MakeUpConversation();
        conversation.id = UUID.randomUUID();
        conversation.debriefId = debriefId;
        conversation.staffId = staffId;
        conversation.status = Status.OPEN;
        conversation.createdAt = now;
        return conversation;
    }
}

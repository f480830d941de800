package org.haven.wellness.domain;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.wellness.messaging.FollowUpEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** A person asks, privately, to talk with their site's supervisor: the one wellness signal that reaches them. */
@ApplicationScoped
public class Conversations {

    private final WellnessAccess access;
    private final FollowUpEvents events;
    private final Clock clock;

    Conversations(WellnessAccess access, FollowUpEvents events, Clock clock) {
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Asked outside a check-in, for one of the caller's own sites. */
    @Transactional
    public ConversationRequest requestAt(String siteId) {
        access.refuseMismatched(siteId);
        if (!access.visibleSites().contains(siteId)) {
            throw new ForbiddenException("You are not a member of site " + siteId);
        }
        return request(access.personId(), siteId, null, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    ConversationRequest request(String staffId, String siteId, UUID checkInId, Instant now) {
        ConversationRequest request = ConversationRequest.of(staffId, siteId, checkInId, now);
        request.persist();
        events.conversationRequested(request);
        return request;
    }
}

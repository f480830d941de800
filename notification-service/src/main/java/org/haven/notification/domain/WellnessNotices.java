package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.events.CheckInDue;
import org.haven.events.ConversationRequested;
import org.haven.events.ExposureThresholdReached;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Notices from wellness-service's events: a due private check-in to the staff member, and to the
 * site's supervisors an invitation to offer support (exposure threshold) or a requested conversation.
 * None is urgent: each waits for its recipient's shift.
 */
@ApplicationScoped
public class WellnessNotices {

    private static final Logger LOG = Logger.getLogger(WellnessNotices.class);

    private final Directory directory;
    private final Notices notices;
    private final NoticeTexts texts;

    WellnessNotices(Directory directory, Notices notices, NoticeTexts texts) {
        this.directory = directory;
        this.notices = notices;
        this.texts = texts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCheckInDue(String eventId, CheckInDue due) {
        Optional<Person> staff = directory.person(due.staffId());
        if (staff.isEmpty()) {
            LOG.warnf("Follow-up %s: a check-in is due for someone not in the directory, not notified", due.followUpId());
            return;
        }
        notices.notify(eventId, NoticeKind.CHECK_IN_DUE, staff.get(), due.siteId(), due.followUpId().toString(),
                texts.checkInDue(due, site(due.siteId())));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onExposureThresholdReached(String eventId, ExposureThresholdReached reached) {
        Person staff = staff(reached.staffId());
        NoticeMessage message = texts.exposureSupport(reached, site(reached.siteId()), staff);
        for (Person supervisor : supervisors(reached.siteId(), reached.staffId())) {
            notices.notify(eventId, NoticeKind.EXPOSURE_SUPPORT, supervisor, reached.siteId(), reached.staffId(), message);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onConversationRequested(String eventId, ConversationRequested request) {
        Person staff = staff(request.staffId());
        NoticeMessage message = texts.conversationRequested(request, site(request.siteId()), staff);
        for (Person supervisor : supervisors(request.siteId(), request.staffId())) {
            notices.notify(eventId, NoticeKind.CONVERSATION_REQUESTED, supervisor, request.siteId(), request.requestId().toString(), message);
        }
    }

    /** The site's supervisors, except the person the notice is about (a supervisor's own support goes to the others). */
    private List<Person> supervisors(String siteId, String aboutId) {
        List<Person> supervisors = directory.withRole(siteId, SiteRole.SUPERVISOR).stream().filter(p -> !p.id.equals(aboutId)).toList();
        if (supervisors.isEmpty()) {
            LOG.warnf("Site '%s' has no supervisor to tell about support for a staff member", siteId);
        }
        return supervisors;
    }

    private Person staff(String staffId) {
        return directory.person(staffId).orElseGet(() -> {
            Person unknown = new Person();
            unknown.id = staffId;
            unknown.displayName = "A member of your team (" + staffId + ")";
            return unknown;
        });
    }

    private Site site(String siteId) {
        return directory.site(siteId).orElseGet(() -> Site.unlisted(siteId));
    }
}

package org.haven.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.haven.events.ExternalNotificationOverdue;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * A required external notification (police, guardian, licensing...) not recorded as done by its
 * deadline: the site's supervisors are told at once, on every channel, whatever their shift.
 */
@ApplicationScoped
public class ExternalNotificationNotices {

    private static final Logger LOG = Logger.getLogger(ExternalNotificationNotices.class);

    private final Directory directory;
    private final Notices notices;
    private final NoticeTexts texts;

    ExternalNotificationNotices(Directory directory, Notices notices, NoticeTexts texts) {
        this.directory = directory;
        this.notices = notices;
        this.texts = texts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onOverdue(String eventId, ExternalNotificationOverdue overdue) {
        List<Person> supervisors = directory.withRole(overdue.siteId(), SiteRole.SUPERVISOR);
        if (supervisors.isEmpty()) {
            LOG.warnf("External notification %s for incident %s is overdue but site '%s' has no supervisor to tell",
                    overdue.itemId(), overdue.incidentId(), overdue.siteId());
        }
        NoticeMessage message = texts.externalNotificationOverdue(overdue, directory.site(overdue.siteId())
                .orElseGet(() -> Site.unlisted(overdue.siteId())));
        for (Person supervisor : supervisors) {
            notices.notify(eventId, NoticeKind.EXTERNAL_NOTIFICATION_OVERDUE, supervisor, overdue.siteId(), overdue.itemId().toString(), message);
        }
    }
}

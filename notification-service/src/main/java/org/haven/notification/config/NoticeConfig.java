package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;

/**
 * Where the pages a notice links to are served. In a cluster every page is behind one origin
 * (HAVEN_APP_URL); in the local run each service has its own port.
 */
@ConfigMapping(prefix = "haven.notification.notices")
public interface NoticeConfig {

    /** debrief-service's pages ({@code /app/debriefs/{id}}). */
    String debriefsUrl();

    /** wellness-service's pages ({@code /app/wellness}). */
    String wellnessUrl();

    /** incident-service's pages ({@code /app}). */
    String incidentsUrl();

    /** The address invites name as their organizer (replies are not read: the invite links to Haven). */
    String organizerEmail();
}

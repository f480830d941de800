package org.haven.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/**
 * What a supervisor's phone shows for an alert pushed to it, as the alerts page's service worker reads it. A lock
 * screen is seen by whoever is near the phone, so the text names the site and "critical incident" only: never the
 * incident's type, a client or a member of staff (not even who took charge). Opening it goes to the alert on the
 * alerts page, where the supervisor signs in and takes charge.
 *
 * @param tag the alert: a later push for it (the next round, "handled") replaces the one on the screen
 * @param renotify whether replacing it should ring again
 */
public record PushMessage(String title, String body, String url, String tag, boolean renotify, boolean requireInteraction) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PushMessage page(Alert alert, Site site) {
        return new PushMessage("Critical incident at " + siteName(alert, site), "Open Haven to take charge.",
                path(alert), tag(alert), true, true);
    }

    public static PushMessage handled(Alert alert, Site site) {
        return new PushMessage("Critical incident at " + siteName(alert, site) + " is handled",
                "Someone has taken charge. You need not act on the alert.", path(alert), tag(alert), false, false);
    }

    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String siteName(Alert alert, Site site) {
        return site == null ? alert.siteId : site.name;
    }

    /** Relative: the service worker opens it on the origin it was installed from. */
    private static String path(Alert alert) {
        return "/app/alerts#alert-" + alert.id;
    }

    private static String tag(Alert alert) {
        return "haven-alert-" + alert.id;
    }
}

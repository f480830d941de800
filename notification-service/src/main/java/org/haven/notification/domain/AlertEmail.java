package org.haven.notification.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The email that tells a supervisor of a critical incident. It is built from the alert alone, which
 * holds only the site, the incident type and the time: an inbox is not a place for client codes,
 * names or what happened, so the message cannot carry them and links to the app instead.
 */
public record AlertEmail(String to, String subject, String text) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);

    public static AlertEmail of(Alert alert, Delivery delivery, Site site, String appUrl) {
        String siteName = site == null ? alert.siteId : site.name;
        ZoneId zone = site == null ? ZoneId.of("UTC") : site.zone();
        String type = readable(alert.incidentType);
        String subject = "Critical incident at " + siteName + ": " + type;
        String text = """
                A critical incident has been reported and needs a supervisor.

                Site:      %s
                Incident:  %s
                Occurred:  %s

                Open the alert in Haven to acknowledge it and see what is needed:
                %s

                This email leaves out every detail about the people involved. Find them in Haven.
                """.formatted(siteName, type, TIME.format(alert.occurredAt.atZone(zone)), link(appUrl, alert));
        return new AlertEmail(delivery.destination, subject, text);
    }

    private static String link(String appUrl, Alert alert) {
        String base = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
        return base + "/alerts/" + alert.id;
    }

    /** "SEXUAL_HARM_DISCLOSURE" becomes "Sexual harm disclosure". */
    static String readable(String incidentType) {
        String words = incidentType.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

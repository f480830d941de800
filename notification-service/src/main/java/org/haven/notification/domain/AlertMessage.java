package org.haven.notification.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a person is told about a critical incident, by email (subject and text) or SMS (short text).
 * It is built from the alert alone, which holds only the site, the incident type and the time: an
 * inbox or a phone is not a place for client codes, names or what happened, so a message cannot
 * carry them and links to the app instead.
 */
public record AlertMessage(String subject, String text, String shortText) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);

    /**
     * A page: someone must take charge. {@code ackLink} acknowledges with one click; the incident's page (served by
     * incident-service under {@code incidentsUrl}) is named by the incident id alone and asks for sign-in as usual.
     */
    public static AlertMessage page(Alert alert, Site site, String appUrl, String incidentsUrl, String ackLink) {
        String siteName = siteName(alert, site);
        String type = readable(alert.incidentType);
        String subject = "Critical incident at " + siteName + ": " + type;
        String text = """
                A critical incident has been reported and needs a supervisor.

                Site:      %s
                Incident:  %s
                Occurred:  %s

                Take charge (tells everyone else you have it):
                %s

                The incident: what is known, who was there, the calls due and their deadlines:
                %s

                Open the alert in Haven to see what is needed:
                %s

                This email leaves out every detail about the people involved. Find them in Haven.
                """.formatted(siteName, type, TIME.format(alert.occurredAt.atZone(zone(site))), ackLink,
                incidentLink(incidentsUrl, alert), link(appUrl, alert));
        String shortText = "Haven: critical incident at %s (%s, %s). Take charge: %s Incident: %s"
                .formatted(siteName, type, SHORT_TIME.format(alert.occurredAt.atZone(zone(site))), ackLink,
                        incidentLink(incidentsUrl, alert));
        return new AlertMessage(subject, text, shortText);
    }

    /** The notice that someone has taken charge. */
    public static AlertMessage handled(Alert alert, Site site, String appUrl, String handledBy) {
        String siteName = siteName(alert, site);
        String type = readable(alert.incidentType);
        String subject = "Handled by " + handledBy + ": critical incident at " + siteName;
        String text = """
                The critical incident you were alerted to is handled by %s. You need not act on the alert.

                Site:      %s
                Incident:  %s
                Occurred:  %s

                %s
                """.formatted(handledBy, siteName, type, TIME.format(alert.occurredAt.atZone(zone(site))), link(appUrl, alert));
        String shortText = "Haven: the incident at %s (%s, %s) is handled by %s."
                .formatted(siteName, type, SHORT_TIME.format(alert.occurredAt.atZone(zone(site))), handledBy);
        return new AlertMessage(subject, text, shortText);
    }

    private static String siteName(Alert alert, Site site) {
        return site == null ? alert.siteId : site.name;
    }

    private static ZoneId zone(Site site) {
        return site == null ? ZoneId.of("UTC") : site.zone();
    }

    static String link(String appUrl, Alert alert) {
        return base(appUrl) + "/app/alerts#alert-" + alert.id;
    }

    /** The supervisor's page of the alert's incident: the incident id is all it carries. */
    public static String incidentLink(String incidentsUrl, Alert alert) {
        return base(incidentsUrl) + "/app/incidents/" + alert.incidentId;
    }

    /** The token goes in the fragment, which browsers never send: it stays out of server and proxy logs. */
    public static String ackLink(String appUrl, String token) {
        return base(appUrl) + "/alerts/ack#t=" + token;
    }

    private static String base(String appUrl) {
        return appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
    }

    /** "SEXUAL_HARM_DISCLOSURE" becomes "Sexual harm disclosure". */
    static String readable(String incidentType) {
        String words = incidentType.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

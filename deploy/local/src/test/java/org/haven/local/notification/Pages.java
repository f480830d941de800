package org.haven.local.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.haven.local.PlatformExtension;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The pages and notices the platform sent, counted where they arrived: the mail catcher and the SMS
 * stand-in. A page (email or text) carries its alert's id in its links, and an alert is one incident
 * and one recipient, so counting by alert id counts one person's pages for one incident.
 */
final class Pages {

    private final SmsStandIn sms;

    Pages(SmsStandIn sms) {
        this.sms = sms;
    }

    /** Alert emails of one alert (one incident, one person). */
    long emails(UUID alertId) {
        return mails().stream().filter(m -> subject(m).startsWith("Critical incident at") && content(m).contains(alertId.toString())).count();
    }

    /** Alert texts of one alert (one incident, one person). */
    long texts(UUID alertId) {
        return sms.texts().stream().filter(t -> t.body().startsWith("Haven: critical incident at") && t.body().contains(alertId.toString())).count();
    }

    /** Alert emails and texts to one person, whatever the incident. */
    long pagesTo(String email, String phone) {
        return mails().stream().filter(m -> subject(m).startsWith("Critical incident at") && to(m).contains(email)).count()
                + sms.texts().stream().filter(t -> phone.equals(t.to()) && t.body().startsWith("Haven: critical incident at")).count();
    }

    /** "Handled by ..." emails to one person. */
    List<String> handledSubjects(String email) {
        return mails().stream().filter(m -> subject(m).startsWith("Handled by") && to(m).contains(email)).map(Pages::subject).toList();
    }

    /** Every email and text sent, for checking what they carry. */
    List<String> everyMessageTo(String email, String phone) {
        List<String> bodies = new java.util.ArrayList<>(mails().stream().filter(m -> to(m).contains(email)).map(m -> subject(m) + "\n" + content(m)).toList());
        sms.texts().stream().filter(t -> phone.equals(t.to())).map(SmsStandIn.Text::body).forEach(bodies::add);
        return bodies;
    }

    /** The acknowledgement token in the newest alert email of one alert. */
    String ackToken(UUID alertId) {
        String body = mails().stream().filter(m -> subject(m).startsWith("Critical incident at") && content(m).contains(alertId.toString()))
                .reduce((first, second) -> second).map(Pages::content).orElseThrow();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/alerts/ack#t=(\\S+)").matcher(body);
        if (!link.find()) {
            throw new AssertionError("no acknowledgement link in " + body);
        }
        return link.group(1);
    }

    private static List<MimeMessage> mails() {
        return Arrays.asList(PlatformExtension.platform().mailReceived());
    }

    private static String subject(MimeMessage mail) {
        try {
            return String.valueOf(mail.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage mail) {
        try {
            var to = mail.getRecipients(Message.RecipientType.TO);
            return to == null ? "" : Arrays.toString(to);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text (a plain-text alert is quoted-printable on the wire; the id must not be split). */
    private static String content(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            return content instanceof String text ? text : String.valueOf(content);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

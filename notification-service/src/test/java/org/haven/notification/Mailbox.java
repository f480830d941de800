package org.haven.notification;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What the test SMTP server received, read as a person would: decoded subject and text, and the
 * calendar invite when one is attached ({@code calendar} is then the .ics file, {@code calendarType}
 * its content type).
 */
final class Mailbox {

    record Received(String to, String from, String subject, String text, String calendarName, String calendarType, String calendar) {

        boolean hasInvite() {
            return calendar != null;
        }
    }

    private Mailbox() {
    }

    static List<Received> to(String address) {
        return Arrays.stream(GreenMailSmtp.server().getReceivedMessages())
                .map(Mailbox::read)
                .filter(mail -> mail.to().contains(address))
                .toList();
    }

    private static Received read(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            String to = recipients == null ? "" : String.join(",", Arrays.stream(recipients).map(Address::toString).toList());
            StringBuilder text = new StringBuilder();
            Part[] calendar = new Part[1];
            collect(message, text, calendar);
            Part invite = calendar[0];
            return new Received(to, message.getFrom()[0].toString(), message.getSubject(), text.toString(),
                    invite == null ? null : invite.getFileName(), invite == null ? null : invite.getContentType(),
                    invite == null ? null : content(invite));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the test mailbox", e);
        }
    }

    private static void collect(Part part, StringBuilder text, Part[] calendar) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, calendar);
            }
        } else if (part.isMimeType("text/calendar")) {
            calendar[0] = part;
        } else {
            text.append(content);
        }
    }

    private static String content(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }
}

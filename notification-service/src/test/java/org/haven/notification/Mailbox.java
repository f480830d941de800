package org.haven.notification;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What the test SMTP server received, read as a person would: decoded subject and text. */
final class Mailbox {

    record Received(String to, String from, String subject, String text) {
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
            return new Received(to, message.getFrom()[0].toString(), message.getSubject(), text(message.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the test mailbox", e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                text.append(text(part.getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}

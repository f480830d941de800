package org.haven.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local run's SMTP server: it accepts every message and delivers none of them onward. Each one
 * is announced on the console, kept as an .eml file, and listed on a small inbox page, so a person
 * trying Haven sees what a supervisor would have received.
 */
final class MailCatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailCatcher.class);

    private final GreenMail smtp;
    private final HttpServer inbox;
    private final ScheduledExecutorService archiver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-archiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Path archive;
    private int archived;
    /**
     * Messages in the order they arrived. GreenMail lists its messages mailbox by mailbox, so a new
     * message to an older mailbox lands in the middle of its list; this keeps arrival order, which
     * the archive and "what arrived since" both rely on.
     */
    private final java.util.List<MimeMessage> arrived = new java.util.ArrayList<>();
    private final java.util.Set<MimeMessage> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private MailCatcher(GreenMail smtp, HttpServer inbox, Path archive) {
        this.smtp = smtp;
        this.inbox = inbox;
        this.archive = archive;
    }

    /**
     * Jakarta Mail looks its stream provider up with a ServiceLoader scan of the whole class path for every
     * message it parses — 40 % of the mail catcher's CPU under the benchmark's load — unless this system
     * property names it.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static MailCatcher start(int smtpPort, int inboxPort, Path archive) throws IOException {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        Files.createDirectories(archive);
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer inbox = inboxPort > 0 ? HttpServer.create(new InetSocketAddress("127.0.0.1", inboxPort), 0) : null;
        MailCatcher catcher = new MailCatcher(smtp, inbox, archive);
        if (inbox != null) {
            inbox.createContext("/", exchange -> {
                byte[] page = catcher.page().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            });
            inbox.start();
        }
        catcher.archiver.scheduleWithFixedDelay(catcher::archiveNew, 1, 1, TimeUnit.SECONDS);
        return catcher;
    }

    /** Every message received so far, oldest first. */
    synchronized MimeMessage[] received() {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (seen.add(message)) {
                arrived.add(message);
            }
        }
        return arrived.toArray(new MimeMessage[0]);
    }

    private synchronized void archiveNew() {
        MimeMessage[] messages = received();
        for (; archived < messages.length; archived++) {
            MimeMessage message = messages[archived];
            try {
                Files.writeString(archive.resolve(String.format("%04d.eml", archived + 1)), GreenMailUtil.getWholeMessage(message));
                LOG.infof("mail to %s: %s", recipients(message), message.getSubject());
            } catch (IOException | MessagingException e) {
                LOG.warnf("Cannot archive mail %d: %s", archived + 1, e.getMessage());
            }
        }
    }

    private String page() {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
                <title>Haven local mail</title><style>body{font-family:sans-serif;margin:2rem;max-width:60rem}
                article{border-bottom:1px solid #ccc;padding:1rem 0}pre{white-space:pre-wrap}</style></head><body>
                <h1>Mail sent by the local Haven run</h1><p>Nothing here left this machine.</p>""");
        MimeMessage[] messages = received();
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage message = messages[i];
            try {
                html.append("<article><h2>").append(escape(message.getSubject())).append("</h2><p>To: ")
                        .append(escape(recipients(message))).append("<br>Sent: ").append(escape(String.valueOf(message.getSentDate())))
                        .append("</p><pre>").append(escape(GreenMailUtil.getBody(message))).append("</pre></article>");
            } catch (MessagingException e) {
                html.append("<article>unreadable message</article>");
            }
        }
        if (messages.length == 0) {
            html.append("<p>No mail yet.</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String recipients(MimeMessage message) throws MessagingException {
        var to = message.getRecipients(Message.RecipientType.TO);
        return to == null ? "" : String.join(", ", java.util.Arrays.stream(to).map(Object::toString).toList());
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        archiver.shutdownNow();
        archiveNew();
        if (inbox != null) {
            inbox.stop(0);
        }
        smtp.stop();
    }
}

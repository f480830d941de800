package org.haven.notification.messaging;

import io.vertx.ext.mail.SMTPException;
import org.haven.notification.domain.DeliveryChannel;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Why a send failed, told twice. The delivery log that supervisors read gets a plain, generic {@link #reason}:
 * a mail server's own words can quote addresses, host names and its software. The server log gets the
 * {@link #detail}, the innermost message (wrappers only repeat it) with any address or phone number taken out.
 */
record DeliveryFailure(String reason, String detail) {

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");
    private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d -]{6,}\\d");

    static DeliveryFailure of(RuntimeException e, DeliveryChannel channel, String destination) {
        String party = switch (channel) {
            case SMS -> "the SMS provider";
            case PUSH -> "the push service";
            case EMAIL -> "the mail server";
        };
        return new DeliveryFailure(reason(e, party), scrubbed(innermostMessage(e), destination));
    }

    private static String reason(Throwable e, String party) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException) {
                return party + " did not answer in time";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return party + " could not be reached";
            }
            if (t instanceof SMTPException smtp) {
                return smtp.isPermanent() ? party + " refused the message" : party + " could not take the message for now";
            }
        }
        return party + " did not accept the message";
    }

    private static String innermostMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }

    private static String scrubbed(String message, String destination) {
        String text = destination == null || destination.isBlank() ? message : message.replace(destination, "<recipient>");
        text = EMAIL.matcher(text).replaceAll("<address>");
        return PHONE.matcher(text).replaceAll("<number>");
    }
}

package org.haven.notification.api;

import org.haven.http.ratelimit.RateLimited;
import org.haven.http.ratelimit.RateLimits;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.haven.notification.domain.AckLinks;
import org.haven.notification.domain.Acknowledgement;
import org.haven.notification.domain.Alert;
import org.haven.notification.domain.AlertMessage;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.Person;
import org.haven.notification.domain.Site;

import java.time.Clock;

/**
 * The signed link in an alert email or text. Opening it (GET) only shows what it is for, because mail
 * scanners and link previews open links on their own; taking charge is the button's POST. The signed
 * token is the credential, so the form carries it instead of a session and needs no CSRF token; it sits
 * in the link's fragment, so no server or proxy log ever holds it. No page that carries or answers for
 * a token is stored by a browser or a proxy cache.
 */
@Path("/alerts/ack")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AckLinkResource {

    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-store";

    private final AckLinks links;
    private final Acknowledgement acknowledgement;
    private final Directory directory;
    private final Template ackConfirm;
    private final Template ackDone;
    private final Clock clock;

    AckLinkResource(AckLinks links, Acknowledgement acknowledgement, Directory directory, Template ackConfirm, Template ackDone,
                    Clock clock) {
        this.links = links;
        this.acknowledgement = acknowledgement;
        this.directory = directory;
        this.ackConfirm = ackConfirm;
        this.ackDone = ackDone;
        this.clock = clock;
    }

    /**
     * The page the link opens. The token is in the link's fragment ({@code #t=...}), which never reaches a
     * server or a proxy log; the page's script puts it in the form. A token in the query string (links
     * sent before the fragment, still valid for {@code validFor} after sending) has now been seen by every
     * proxy on the way, so it is spent at once instead of honoured: the alerts page acknowledges instead.
     */
    @GET
    @Transactional
    public Response confirm(@QueryParam("token") String tokenInQuery) {
        if (tokenInQuery != null) {
            try {
                recordFirstUse(links.verify(tokenInQuery));
            } catch (AckLinks.InvalidLink e) {
                // nothing to spend
            }
            return refused("For safety this older form of link no longer works. Sign in to Haven and take charge on the alerts page.");
        }
        return Response.ok(ackConfirm.instance().render()).header(CACHE_CONTROL, NO_STORE).build();
    }

    @RateLimited(value = "acknowledge", perPerson = RateLimits.ACK_PER_PERSON, perIp = RateLimits.ACK_PER_IP)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response acknowledge(@FormParam("token") String token) {
        AckLinks.Verified link;
        try {
            link = links.verify(token);
        } catch (AckLinks.InvalidLink e) {
            return refused(e.getMessage());
        }
        Alert alert = Alert.findById(link.alertId());
        if (alert == null || alert.recipientId == null) {
            return refused("This link is not a Haven acknowledgement link.");
        }
        if (!recordFirstUse(link)) {
            return Response.status(Response.Status.GONE).header(CACHE_CONTROL, NO_STORE)
                    .entity(ackDone.data("title", "Link already used").data("message", handledMessage(alert.id)).render()).build();
        }
        Acknowledgement.Outcome outcome = acknowledgement.acknowledge(alert.id, alert.recipientId);
        String message = outcome.byThisCall()
                ? "You have taken charge of the " + what(alert) + ". Everyone else who was alerted is told you have it."
                : handledMessage(alert.id);
        return Response.ok(ackDone.data("title", "Thank you").data("message", message).render()).header(CACHE_CONTROL, NO_STORE).build();
    }

    private boolean recordFirstUse(AckLinks.Verified link) {
        return Alert.getEntityManager().createNativeQuery("""
                        INSERT INTO ack_link_use (nonce, alert_id, used_at) VALUES (?1, ?2, ?3) ON CONFLICT (nonce) DO NOTHING""")
                .setParameter(1, link.nonce())
                .setParameter(2, link.alertId())
                .setParameter(3, clock.instant())
                .executeUpdate() == 1;
    }

    private String handledMessage(java.util.UUID alertId) {
        Alert alert = Alert.findById(alertId);
        if (alert.acknowledgedBy == null) {
            return "This link has already been used.";
        }
        String name = directory.person(alert.acknowledgedBy).map(p -> p.displayName).orElse(alert.acknowledgedBy);
        return "The " + what(alert) + " is handled by " + name + ".";
    }

    private String what(Alert alert) {
        String site = directory.site(alert.siteId).map(s -> s.name).orElse(alert.siteId);
        return "critical incident at " + site;
    }

    private Response refused(String message) {
        return Response.status(Response.Status.BAD_REQUEST).header(CACHE_CONTROL, NO_STORE)
                .entity(ackDone.data("title", "This link cannot be used").data("message", message).render()).build();
    }
}

package org.haven.notification.api;

import org.haven.http.ratelimit.RateLimited;
import org.haven.http.ratelimit.RateLimits;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.haven.notification.config.NoticeConfig;
import org.haven.notification.domain.Acknowledgement;
import org.haven.notification.domain.AlertMessage;
import org.haven.notification.domain.Alert;
import org.haven.notification.domain.AlertAccess;
import org.haven.notification.domain.Delivery;
import org.haven.notification.domain.Directory;
import org.haven.notification.domain.UnroutableAlerts;
import org.haven.notification.messaging.AlertFeed;
import org.haven.security.HavenRole;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The supervisor's live alerts page ({@code /app/alerts}, signed in through the {@code web} OIDC
 * tenant). The page's script reads the caller's alerts from {@code /app/api/alerts}, re-reads them
 * whenever the SSE stream says one of theirs changed, and acknowledges with a POST that must carry
 * {@code X-Requested-With}: a cross-site form cannot set it (and the session cookie is SameSite=Lax).
 */
@Path("/app")
@RolesAllowed({HavenRole.SUPERVISOR, HavenRole.DIRECTOR})
public class AlertsPage {

    static final String SCRIPT_HEADER = "X-Requested-With";
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Duration WITHOUT_EXPIRY = Duration.ofMinutes(5);

    private final Template alerts;
    private final AlertAccess access;
    private final Acknowledgement acknowledgement;
    private final Directory directory;
    private final AlertFeed feed;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final UnroutableAlerts unroutableAlerts;
    private final NoticeConfig pages;

    AlertsPage(Template alerts, AlertAccess access, Acknowledgement acknowledgement, Directory directory, AlertFeed feed,
               SecurityIdentity identity, Clock clock, UnroutableAlerts unroutableAlerts, NoticeConfig pages) {
        this.unroutableAlerts = unroutableAlerts;
        this.pages = pages;
        this.alerts = alerts;
        this.access = access;
        this.acknowledgement = acknowledgement;
        this.directory = directory;
        this.feed = feed;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/alerts")
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        String me = access.personId();
        String name = directory.person(me).map(p -> p.displayName).orElse(me);
        return alerts.data("name", name).render();
    }

    @GET
    @Path("/api/alerts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<LiveAlert> mine() {
        Set<String> sites = access.visibleSites();
        if (sites.isEmpty()) {
            return List.of();
        }
        List<Alert> mine = Alert.list("recipientId = ?1 and siteId in ?2 order by raisedAt desc", access.personId(), sites);
        return mine.stream().limit(50).map(this::live).toList();
    }

    /** Critical incidents at the caller's sites that no one could be paged for, until someone takes charge: the page's banner. */
    @GET
    @Path("/api/alerts/unroutable")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DirectoryViews.UnroutableView> unroutable() {
        return unroutableAlerts.open(access.visibleSites()).stream().map(o -> DirectoryResource.unroutableView(directory, o)).toList();
    }

    @RateLimited(value = "acknowledge", perPerson = RateLimits.ACK_PER_PERSON, perIp = RateLimits.ACK_PER_IP)
    @POST
    @Path("/api/alerts/{id}/ack")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public LiveAlert acknowledge(@PathParam("id") UUID id, @HeaderParam(SCRIPT_HEADER) String fromScript) {
        if (fromScript == null || fromScript.isBlank()) {
            throw new BadRequestException("Acknowledge from the alerts page");
        }
        Alert alert = Alert.findById(id);
        access.requireAcknowledgeable(alert, "No alert " + id);
        acknowledgement.acknowledge(id, access.personId());
        return live(alert);
    }

    /**
     * A ping whenever one of the caller's alerts changed (and every 20 s, so proxies keep the stream open), until
     * the session's token expires: the sites it names are the caller's only while it is valid, so the stream then
     * ends and the page's EventSource reconnects with whatever the session now says.
     */
    @GET
    @Path("/api/alerts/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Blocking
    public Multi<String> stream() {
        return feed.pingsFor(access.personId(), access.visibleSites(), tokenExpiry(), HEARTBEAT);
    }

    /** When the caller's token expires; an identity without one (not from OIDC) gets a token's usual lifetime. */
    private Instant tokenExpiry() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Instant.ofEpochSecond(token.getExpirationTime());
        }
        return clock.instant().plus(WITHOUT_EXPIRY);
    }

    private LiveAlert live(Alert alert) {
        String siteName = directory.site(alert.siteId).map(s -> s.name).orElse(alert.siteId);
        String handledBy = alert.acknowledgedBy == null ? null
                : directory.person(alert.acknowledgedBy).map(p -> p.displayName).orElse(alert.acknowledgedBy);
        return LiveAlert.of(alert, siteName, handledBy, Delivery.ofAlert(alert.id), AlertMessage.incidentLink(pages.incidentsUrl(), alert));
    }
}

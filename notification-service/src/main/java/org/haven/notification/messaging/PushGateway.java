package org.haven.notification.messaging;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.haven.messaging.LaunchProfile;
import org.haven.notification.config.PushConfig;
import org.haven.notification.domain.PushSubscription;
import org.haven.notification.domain.VapidKeyPair;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Sends one push (RFC 8030) to one browser's push service, its payload encrypted for that browser (RFC 8291) and the
 * request signed with Haven's VAPID key (RFC 8292), both by the webpush library. Created at startup, so missing or
 * unusable keys ({@link VapidKeyPair}) stop the service from starting. Any answer but 2xx, 404 or 410 is a failed
 * attempt, retried like an email.
 */
@Startup
@ApplicationScoped
public class PushGateway {

    /** What the push service said about the subscription. */
    public enum Outcome {
        /** It took the push. */
        ACCEPTED,
        /** 404 or 410: the browser withdrew the subscription, or it expired; it will never take a push again. */
        GONE
    }

    private final PushConfig config;
    private final WebPush webPush;
    private final String publicKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    PushGateway(PushConfig config) {
        if (config.allowPlainHttp()) {
            LaunchProfile.refuseInProduction("haven.notification.push.allow-plain-http");
        }
        VapidKeys keys = VapidKeyPair.check(config.vapidPublicKey(), config.vapidPrivateKey(), LaunchProfile.isProduction());
        this.config = config;
        this.webPush = new WebPush(config.subject(), keys);
        this.publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.getApplicationServerKey());
    }

    /** The key a browser subscribes with ({@code applicationServerKey}), base64url. */
    public String publicKey() {
        return publicKey;
    }

    public boolean allowsPlainHttp() {
        return config.allowPlainHttp();
    }

    /**
     * Pushes {@code payload} at high urgency. {@code topic} (at most 32 base64url characters) lets a later push of
     * the same topic replace one the push service still holds for an offline browser.
     */
    public Outcome send(PushSubscription subscription, byte[] payload, UUID topic, Duration timeout) {
        Base64.Decoder b64 = Base64.getUrlDecoder();
        byte[] body = webPush.getBody(payload, b64.decode(subscription.p256dh), b64.decode(subscription.auth));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.endpoint))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        webPush.getHeaders(subscription.endpoint, (int) config.ttl().toSeconds(), topic.toString().replace("-", ""), WebPush.Urgency.High)
                .forEach(request::header);
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 404 || status == 410) {
                return Outcome.GONE;
            }
            if (status / 100 != 2) {
                throw new IllegalStateException("the push service answered " + status);
            }
            return Outcome.ACCEPTED;
        } catch (IOException e) {
            throw new IllegalStateException("the push service could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing", e);
        }
    }
}

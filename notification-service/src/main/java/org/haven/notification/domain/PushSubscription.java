package org.haven.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A browser that asked to be alerted while Haven is closed: its push service endpoint and the keys a push to it is
 * encrypted with (RFC 8291). Whoever holds these can push to that browser, so they never leave this service.
 */
@Entity
@Table(name = "push_subscription")
public class PushSubscription extends PanacheEntityBase {

    @Id
    public UUID id;
    public String personId;
    public String endpoint;
    /** The browser's P-256 public key, base64url of the uncompressed point. */
    public String p256dh;
    /** The browser's 16-byte authentication secret, base64url. */
    public String auth;
    public Instant createdAt;

    public static Optional<PushSubscription> ofEndpoint(String endpoint) {
        return find("endpoint", endpoint).firstResultOptional();
    }

    public static List<PushSubscription> ofPerson(String personId) {
        return list("personId = ?1 order by createdAt", personId);
    }
}

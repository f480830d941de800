package org.haven.local.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived server-side state (pending sign-ins, authorization codes, sign-in sessions) under
 * unguessable keys. Held in memory only: after a restart a person signs in again, while the tokens
 * they already hold stay valid.
 */
final class ExpiringStore<V> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    ExpiringStore(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Stores the value under a new random key (256 bits) and returns the key. */
    String put(V value) {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        String key = newKey();
        entries.put(key, new Entry<>(value, now.plus(lifetime)));
        return key;
    }

    Optional<V> get(String key) {
        Entry<V> entry = key == null ? null : entries.get(key);
        return entry != null && entry.expiresAt().isAfter(clock.instant()) ? Optional.of(entry.value()) : Optional.empty();
    }

    /** Removes and returns the value: a key can be used once only, even by two requests at the same time. */
    Optional<V> take(String key) {
        Entry<V> entry = key == null ? null : entries.remove(key);
        return entry != null && entry.expiresAt().isAfter(clock.instant()) ? Optional.of(entry.value()) : Optional.empty();
    }

    void remove(String key) {
        if (key != null) {
            entries.remove(key);
        }
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

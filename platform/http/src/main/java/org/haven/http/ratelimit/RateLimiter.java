package org.haven.http.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets, one per key (an endpoint with a person or a client address). A bucket holds up to
 * {@link Limit#capacity()} requests and refills that many per {@link Limit#period()}, smoothly, so a burst
 * is allowed and a steady flood is not. Time comes from the given clock only.
 *
 * <p>Memory is bounded: once there are more than {@code maxKeys} buckets, the ones that have refilled
 * completely are dropped (a full bucket is the same as no bucket), then, if that is not enough, the
 * longest idle ones.
 */
public final class RateLimiter {

    public record Limit(int capacity, Duration period) {
        public Limit {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A limit needs a capacity of at least 1 and a positive period");
            }
        }

        /** One request's worth of credit; a bucket gains {@code capacity} credits per nanosecond (exact, no rounding). */
        long perRequest() {
            return period.toNanos();
        }

        long full() {
            return Math.multiplyExact(period.toNanos(), (long) capacity);
        }
    }

    private static final class Bucket {
        long credits;
        Instant last;

        Bucket(long credits, Instant last) {
            this.credits = credits;
            this.last = last;
        }
    }

    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, int maxKeys) {
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /** Takes one request from the key's bucket: empty when allowed, else how long until one is. */
    public Optional<Duration> tryAcquire(String key, Limit limit) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.full(), now));
        Optional<Duration> wait;
        synchronized (bucket) {
            refill(bucket, limit, now);
            if (bucket.credits >= limit.perRequest()) {
                bucket.credits -= limit.perRequest();
                wait = Optional.empty();
            } else {
                long missing = limit.perRequest() - bucket.credits;
                wait = Optional.of(Duration.ofNanos((missing + limit.capacity() - 1) / limit.capacity()));
            }
        }
        if (buckets.size() > maxKeys) {
            evict(limit, now);
        }
        return wait;
    }

    /** Gives back a request taken by {@link #tryAcquire} when another limit refused the same call. */
    public void release(String key, Limit limit) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.credits = Math.min(limit.full(), bucket.credits + limit.perRequest());
            }
        }
    }

    public int size() {
        return buckets.size();
    }

    private static void refill(Bucket bucket, Limit limit, Instant now) {
        // a clock set back (tests pin it) neither refills nor stalls the bucket
        if (now.isAfter(bucket.last)) {
            long elapsed = Math.min(limit.period().toNanos(), Duration.between(bucket.last, now).toNanos());
            bucket.credits = Math.min(limit.full(), bucket.credits + elapsed * limit.capacity());
        }
        bucket.last = now;
    }

    private synchronized void evict(Limit limit, Instant now) {
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                return Duration.between(bucket.last, now).compareTo(limit.period()) >= 0;
            }
        });
        int excess = buckets.size() - maxKeys;
        if (excess > 0) {
            buckets.entrySet().stream()
                    .sorted(Comparator.comparing(entry -> entry.getValue().last))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(buckets::remove);
        }
    }
}

package org.haven.http.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs before the endpoint and its transaction: a refused call stores and publishes nothing. Both the
 * person's and the address's bucket must have room; a call one of them refuses costs the other nothing.
 */
@RateLimited(value = "", perPerson = 0, perIp = 0)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class RateLimitInterceptor {

    @Inject
    RateLimiters limiters;
    @Inject
    Instance<SecurityIdentity> identity;
    @Inject
    Instance<RoutingContext> request;
    @Inject
    Config config;

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        RateLimited limited = invocation.getMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = invocation.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        if (limited == null) {
            return invocation.proceed();
        }
        String name = limited.value();
        Duration period = config.getOptionalValue("haven.rate-limit." + name + ".period", Duration.class)
                .orElse(Duration.parse(limited.period()));
        RateLimiter.Limit perPerson = new RateLimiter.Limit(
                config.getOptionalValue("haven.rate-limit." + name + ".per-person", Integer.class).orElse(limited.perPerson()), period);
        RateLimiter.Limit perIp = new RateLimiter.Limit(
                config.getOptionalValue("haven.rate-limit." + name + ".per-ip", Integer.class).orElse(limited.perIp()), period);

        RateLimiter limiter = limiters.limiter();
        String personKey = person().map(subject -> name + "|person|" + subject).orElse(null);
        String ipKey = name + "|ip|" + clientAddress();
        if (personKey != null) {
            Optional<Duration> wait = limiter.tryAcquire(personKey, perPerson);
            if (wait.isPresent()) {
                throw new RateLimitExceeded("Too many requests from you in a short time; please try again shortly", wait.get());
            }
        }
        Optional<Duration> wait = limiter.tryAcquire(ipKey, perIp);
        if (wait.isPresent()) {
            if (personKey != null) {
                limiter.release(personKey, perPerson);
            }
            throw new RateLimitExceeded("Too many requests from your network in a short time; please try again shortly", wait.get());
        }
        return invocation.proceed();
    }

    private Optional<String> person() {
        if (!identity.isResolvable()) {
            return Optional.empty();
        }
        SecurityIdentity who = identity.get();
        return who.isAnonymous() ? Optional.empty() : Optional.of(who.getPrincipal().getName());
    }

    private String clientAddress() {
        if (!request.isResolvable()) {
            return "unknown";
        }
        // Quarkus replaces it with the X-Forwarded-For address only for proxies it is told to trust
        SocketAddress address = request.get().request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    /**
     * Holds the one limiter of the service, on the service's clock. The clock is looked up on first use, so a module
     * that has this library but no clock producer and no {@link RateLimited} endpoint (platform/security's tests) still starts.
     */
    @jakarta.enterprise.context.ApplicationScoped
    public static class RateLimiters {

        private final Instance<Clock> clock;
        private final int maxKeys;
        private volatile RateLimiter limiter;

        RateLimiters(Instance<Clock> clock, Config config) {
            this.clock = clock;
            this.maxKeys = config.getOptionalValue("haven.rate-limit.max-keys", Integer.class).orElse(100_000);
        }

        public RateLimiter limiter() {
            RateLimiter current = limiter;
            if (current == null) {
                synchronized (this) {
                    if (limiter == null) {
                        limiter = new RateLimiter(clock.get(), maxKeys);
                    }
                    current = limiter;
                }
            }
            return current;
        }
    }
}

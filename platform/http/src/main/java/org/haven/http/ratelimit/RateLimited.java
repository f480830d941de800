package org.haven.http.ratelimit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one person and one client address may call an endpoint. The numbers here are the
 * defaults; {@code haven.rate-limit.<value>.per-person}, {@code .per-ip} and {@code .period} override them.
 * The caller's address is the connection's, or the {@code X-Forwarded-For} one only when Quarkus is told
 * to trust the proxy ({@code quarkus.http.proxy.*}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** The limit's name, shared by endpoints that do the same thing (e.g. the API and the page's report). */
    @Nonbinding String value();

    @Nonbinding int perPerson();

    @Nonbinding int perIp();

    /** ISO-8601, e.g. PT1H: the time in which a full bucket refills. */
    @Nonbinding String period() default "PT1H";
}

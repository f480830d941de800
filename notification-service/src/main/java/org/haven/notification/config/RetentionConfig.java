package org.haven.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** How long notices and delivery destinations are kept (ISO-8601 periods), and when the purge runs. */
@ConfigMapping(prefix = "haven.retention")
public interface RetentionConfig {

    /** A notice with its deliveries (their addresses and phone numbers), counted from when it was made. */
    @WithDefault("P30D")
    Period notices();

    /** Where each page of an alert went (address or phone number), counted from the page; the alert itself stays. */
    @WithDefault("P30D")
    Period deliveryDestinations();

    /** The purge's own log. */
    @WithDefault("P1Y")
    Period auditLog();

    /** When the purge runs (Quartz cron, UTC); {@code off} disables it. */
    @WithDefault("0 27 3 * * ?")
    String purgeCron();

    /** Rows changed per transaction. */
    @WithDefault("500")
    int batchSize();
}

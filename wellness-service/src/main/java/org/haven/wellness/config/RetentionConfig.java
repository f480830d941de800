package org.haven.wellness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/**
 * How long wellness records are kept: follow-ups, check-ins, exposures, conversation requests and the
 * erasure/purge log, e.g. {@code haven.retention.wellness-records=P2Y}. A person may erase their own
 * check-in sooner at any time.
 */
@ConfigMapping(prefix = "haven.retention")
public interface RetentionConfig {

    /**
     * Counted from when a follow-up was opened, a check-in given, an exposure happened or a request made; at least
     * the longest exposure window (90 days), or the dose would forget incidents it must still count.
     */
    @WithDefault("P2Y")
    Period wellnessRecords();

    /** When the purge runs (Quartz cron, UTC); {@code off} disables it. */
    @WithDefault("0 37 3 * * ?")
    String purgeCron();

    /** Rows deleted per transaction. */
    @WithDefault("500")
    int batchSize();
}

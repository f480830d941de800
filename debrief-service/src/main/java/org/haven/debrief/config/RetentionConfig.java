package org.haven.debrief.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** How long debriefs and what was written about them are kept (ISO-8601 periods), and when the purge runs. */
@ConfigMapping(prefix = "haven.retention")
public interface RetentionConfig {

    /**
     * A debrief with its participants, incidents, attendance, make-up conversations and actions, counted from when it
     * was opened: the incident's record-keeping period (incident-service's {@code incident-records}; where a
     * jurisdiction keeps longer, the longest).
     */
    @WithDefault("P7Y")
    Period debriefRecords();

    /**
     * The facilitator's notes of a circle (counted from when they were written) and the reason a closed or cancelled
     * debrief was moved or cancelled (counted from when it was opened).
     */
    @WithDefault("P1Y")
    Period circleNotes();

    /** The purge's own log. */
    @WithDefault("P7Y")
    Period auditLog();

    /** When the purge runs (Quartz cron, UTC); {@code off} disables it. */
    @WithDefault("0 47 3 * * ?")
    String purgeCron();

    /** Rows changed per transaction. */
    @WithDefault("500")
    int batchSize();
}

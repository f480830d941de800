package org.haven.incident.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;
import java.util.Map;
import java.util.Optional;

/**
 * How long incident records and the audit log are kept, e.g. {@code haven.retention.incident-records=P7Y}.
 * A jurisdiction whose record-keeping rule differs gets its own period under {@code by-jurisdiction}
 * (the jurisdiction names of {@code haven.jurisdiction.*}).
 */
@ConfigMapping(prefix = "haven.retention")
public interface RetentionConfig {

    /** An incident, its amendments and its checklist are kept this long after it was reported. */
    @WithDefault("P7Y")
    Period incidentRecords();

    /** Overrides of {@link #incidentRecords()} per jurisdiction. */
    Map<String, Period> byJurisdiction();

    /**
     * An audit entry is kept this long after it was written, and in any case as long as its incident exists.
     * Unset, it is {@link #incidentRecords()}.
     */
    Optional<Period> auditLog();

    /** When the purge runs (Quartz cron, UTC); {@code off} disables it. */
    @WithDefault("0 17 3 * * ?")
    String purgeCron();

    /** Rows deleted per transaction, so a first purge of years of records never holds long locks. */
    @WithDefault("500")
    int batchSize();
}

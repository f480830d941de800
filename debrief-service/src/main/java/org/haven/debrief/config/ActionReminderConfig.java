package org.haven.debrief.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** When the owner of an agreed action hears about it: once ahead of the due date, once when it passes unfinished. */
@ConfigMapping(prefix = "haven.debrief.action-reminders")
public interface ActionReminderConfig {

    /** How long before the due date runs out the owner gets the reminder. */
    @WithDefault("24h")
    Duration leadTime();

    /**
     * The program's time zone: an action due on a date is due until that date ends here, and is overdue
     * from the next midnight.
     */
    @WithDefault("UTC")
    ZoneId zone();

    /** How often to look for actions coming or fallen due, as a {@code @Scheduled(every)} value; "off" disables it. */
    @WithDefault("1m")
    String check();
}

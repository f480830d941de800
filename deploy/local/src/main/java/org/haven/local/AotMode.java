package org.haven.local;

import java.util.Locale;

/** Whether services start from a JDK 25+ AOT cache ({@code HAVEN_AOT=off|use|train}). */
public enum AotMode {
    /** Services run on the launcher's JDK without a cache, as they always did. */
    OFF,
    /** Services run on a JDK 25+ from its cache when a fresh one exists, otherwise as with {@link #OFF}. */
    USE,
    /**
     * As {@link #USE}; a service without a fresh cache runs on the JDK 25+ as a training run instead, and
     * its cache is written when it stops (so the run after the first one, and every one after, starts fast).
     */
    TRAIN;

    public static AotMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}

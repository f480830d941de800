package org.haven.wellness.api;

import io.quarkus.qute.TemplateExtension;
import org.haven.wellness.domain.FollowUpKind;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the wellness pages put times and follow-up kinds into words. */
@TemplateExtension
public final class PageText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PageText() {
    }

    /** {@code {followUp.dueAt.shown}} in a template. */
    static String shown(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** {@code {followUp.kind.described}} in a template. */
    static String described(FollowUpKind kind) {
        return switch (kind) {
            case SUPERVISOR_CHECK_IN -> "Same-day check-in with a supervisor";
            case SELF_CHECK_IN_72H -> "Private check-in, about 72 hours after";
            case SELF_CHECK_IN_1_MONTH -> "Private check-in, about a month after";
        };
    }
}

package org.haven.notification.persistence;

import org.haven.http.Ids;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.haven.notification.domain.EscalationTarget;
import org.haven.notification.domain.SiteRole;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import java.util.List;

/**
 * The shape of a directory seed file: people, sites naming who holds which role there and who works there when (in the
 * site's zone), and the administrators (paged when an alert can reach no one else).
 */
public record DirectoryData(
        @NotNull List<@NotNull @Valid PersonEntry> people,
        @NotNull List<@NotNull @Valid SiteEntry> sites,
        List<@NotBlank String> administrators) {


    public record PersonEntry(
            @NotBlank @Pattern(regexp = Ids.PATTERN) String id,
            @NotBlank String displayName,
            @NotBlank @Email String email,
            @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$") String phone,
            String preferredLanguage) {
    }

    /** One weekly shift of a person at the site, on each of its days, in wall-clock time of the site's zone. */
    public record Shift(@NotBlank String personId, @NotNull List<@NotNull DayOfWeek> days, @NotNull LocalTime start,
                        @NotNull LocalTime end) {
    }

    public record SiteEntry(
            @NotBlank @Pattern(regexp = Ids.PATTERN) String id,
            @NotBlank String name,
            @NotBlank String timeZone,
            String jurisdiction,
            @NotNull List<@NotNull @Valid Assignment> staff,
            List<@NotNull @Valid Shift> shifts,
            @Valid Escalation escalation) {
    }

    /** A site's escalation chain; absent means the default (supervisors, then program directors). */
    public record Escalation(
            @Min(0) @Max(10) int repeats,
            @NotNull List<@NotNull @Valid Level> levels) {
    }

    public record Level(@NotNull Duration after, @NotNull EscalationTarget target, String personId) {
    }

    public record Assignment(
            @NotBlank String personId,
            @NotNull SiteRole role) {
    }
}

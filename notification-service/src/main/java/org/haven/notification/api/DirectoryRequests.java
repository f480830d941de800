package org.haven.notification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.haven.events.WorkPattern;
import org.haven.notification.domain.EscalationTarget;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What an administrator sends to change the directory. */
public final class DirectoryRequests {

    private DirectoryRequests() {
    }

    static final String PHONE = "^\\+[1-9][0-9]{6,14}$";
    static final String PHONE_MESSAGE = "must be a phone number in E.164 form, e.g. +15550100123";
    static final String LANGUAGE = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
    static final String LANGUAGE_MESSAGE = "must be a language tag such as en, es or pt-BR";

    /** {@code jurisdiction}: whose licensing rules apply (e.g. {@code us-generic}); absent clears it. */
    public record SiteRequest(@NotBlank @Size(max = 200) String name, @NotBlank @TimeZoneId String timeZone,
                              @Size(max = 100) String jurisdiction) {
    }

    public record PersonRequest(
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Email @Size(max = 320) String email,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String preferredLanguage) {
    }

    /** The console's first run: the first site, its first supervisor, and the signed-in admin's own contact. */
    public record SetupRequest(@NotNull @Valid SetupSite site, @NotNull @Valid SetupPerson supervisor, @NotNull @Valid You you) {
    }

    public record SetupSite(@NotBlank @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String id,
                            @NotBlank @Size(max = 200) String name, @NotBlank @TimeZoneId String timeZone,
                            @NotBlank @Size(max = 100) String jurisdiction) {
    }

    public record SetupPerson(@NotBlank @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String id,
                              @NotBlank @Size(max = 200) String displayName,
                              @NotBlank @Email @Size(max = 320) String email,
                              @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
                              @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String preferredLanguage) {
    }

    /** The signed-in admin, who becomes an administrator (paged when an alert can reach no one else). */
    public record You(@NotBlank @Size(max = 200) String displayName, @NotBlank @Email @Size(max = 320) String email,
                      @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    public record ChainRequest(
            @Min(0) @Max(10) int repeats,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid LevelRequest> levels) {
    }

    /** {@code after}: ISO-8601 duration from the start of a round, e.g. {@code PT5M}. */
    public record LevelRequest(@NotNull Duration after, @NotNull EscalationTarget target, String personId) {
    }

    public record ShiftRequest(@NotBlank String personId, @NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    /**
     * A person's working time at a site, in wall-clock time of the site's zone: shifts repeated every week, and dated
     * exceptions to them ({@code LEAVE} takes a stretch off, start = end meaning the whole day; {@code EXTRA} adds one).
     */
    public record WorkPatternRequest(@NotNull @Size(max = 50) List<@NotNull @Valid WorkShiftRequest> weekly,
                                     @Size(max = 200) List<@NotNull @Valid ShiftExceptionRequest> exceptions) {
    }

    /** {@code end} not after {@code start} means the shift runs past midnight. */
    public record WorkShiftRequest(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {

        @AssertTrue(message = "a shift ends at another time than it starts")
        public boolean isShiftWithLength() {
            return start == null || end == null || !start.equals(end);
        }
    }

    public record ShiftExceptionRequest(@NotNull LocalDate date, @NotNull LocalTime start, @NotNull LocalTime end,
                                        @NotNull WorkPattern.Kind kind) {

        @AssertTrue(message = "an extra shift ends at another time than it starts")
        public boolean isExtraWithLength() {
            return kind != WorkPattern.Kind.EXTRA || start == null || end == null || !start.equals(end);
        }
    }
}

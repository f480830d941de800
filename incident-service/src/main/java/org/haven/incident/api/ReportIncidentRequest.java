package org.haven.incident.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.haven.incident.domain.IncidentType;
import org.haven.incident.domain.Severity;

import java.time.Instant;
import java.util.List;

/**
 * What a staff member submits. The reporter is the signed-in person unless a supervisor reports for
 * someone else. Clients appear only as pseudonymous client codes (upper-case letters,
 * digits and dashes), so a name typed into that field is refused rather than stored.
 */
public record ReportIncidentRequest(
        @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String siteId,
        @NotNull IncidentType type,
        @NotNull Severity severity,
        @NotNull @PastOrPresent(message = "must not be in the future") Instant occurredAt,
        @NotBlank @Size(max = 10_000) String summary,
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reporterId,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> involvedStaffIds,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> witnessIds,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = Ids.CLIENT_CODE, message = Ids.CLIENT_CODE_MESSAGE) String> clientCodes) {

    public ReportIncidentRequest {
        involvedStaffIds = involvedStaffIds == null ? List.of() : involvedStaffIds;
        witnessIds = witnessIds == null ? List.of() : witnessIds;
        clientCodes = clientCodes == null ? List.of() : clientCodes;
    }
}

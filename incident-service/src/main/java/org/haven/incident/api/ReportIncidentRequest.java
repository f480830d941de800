package org.haven.incident.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.haven.incident.domain.IncidentReporting;
import org.haven.incident.domain.IncidentType;
import org.haven.incident.domain.Severity;

import java.time.Instant;
import java.util.List;

/**
 * What a staff member submits. The reporter is the signed-in person unless a supervisor reports for
 * someone else. Clients appear only as the codes the program issues them ({@link org.haven.incident.domain.ClientCode}:
 * no vowels, a check character), so a name typed into that field, in any case, is refused rather than stored. An elopement
 * must say when and where the client was last seen and what they wore: that is what police ask first.
 */
@ElopementDetailsRequired
public record ReportIncidentRequest(
        @NotBlank @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String siteId,
        @NotNull IncidentType type,
        @NotNull Severity severity,
        @NotNull @PastOrPresent(message = "must not be in the future") Instant occurredAt,
        @NotBlank @Size(max = 10_000) String summary,
        @Size(max = 300) String location,
        @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String reporterId,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String> involvedStaffIds,
        @Size(max = 50) List<@NotBlank @Pattern(regexp = org.haven.http.Ids.PATTERN, message = org.haven.http.Ids.MESSAGE) String> witnessIds,
        @Size(max = 20) List<@NotBlank @PseudonymousClientCode String> clientCodes,
        @Size(max = 5_000) String injuries,
        @Size(max = 5_000) String immediateActions,
        @Valid LastSeen lastSeen,
        RiskFlags riskFlags,
        @Size(max = 5_000) String searchSteps) {

    public ReportIncidentRequest {
        involvedStaffIds = involvedStaffIds == null ? List.of() : involvedStaffIds;
        witnessIds = witnessIds == null ? List.of() : witnessIds;
        clientCodes = clientCodes == null ? List.of() : clientCodes;
        riskFlags = riskFlags == null ? RiskFlags.NONE : riskFlags;
    }

    /** The domain's view of this submission, with the reporter the caller is allowed to name. */
    public IncidentReporting.Report toReport(String reporter) {
        return new IncidentReporting.Report(siteId, type, severity, occurredAt, summary, location, reporter,
                involvedStaffIds, witnessIds, clientCodes, injuries, immediateActions,
                lastSeen == null ? null : new IncidentReporting.LastSeen(lastSeen.at(), lastSeen.place(), lastSeen.clothing()),
                new IncidentReporting.RiskFlags(riskFlags.minor(), riskFlags.highRiskOfTrafficking(), riskFlags.medicalNeeds()),
                searchSteps);
    }

    /** Where and when a missing client was last seen, and how to recognise them. */
    public record LastSeen(
            @NotNull(message = "is required") @PastOrPresent(message = "must not be in the future") Instant at,
            @NotBlank(message = "is required") @Size(max = 300) String place,
            @NotBlank(message = "is required") @Size(max = 1_000) String clothing) {
    }

    /** What raises the urgency of a missing-client search. */
    public record RiskFlags(boolean minor, boolean highRiskOfTrafficking, boolean medicalNeeds) {
        static final RiskFlags NONE = new RiskFlags(false, false, false);
    }
}

package org.haven.http.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPeriodTest {

    @Test
    void aPeriodRunsFromTheFirstDaysMidnightToTheEndOfTheLastDayInTheSitesZone() {
        ReportPeriod period = ReportPeriod.parse("2026-03-01", "2026-03-31");

        assertThat(period.startIn(ZoneId.of("America/New_York"))).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(period.endIn(ZoneId.of("America/New_York"))).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
    }

    @Test
    void aLeapYearFitsAndLongerIsRefusedNamingTo() {
        assertThat(ReportPeriod.parse("2028-01-01", "2028-12-31").label()).isEqualTo("2028-01-01_2028-12-31");
        assertThatThrownBy(() -> ReportPeriod.parse("2026-01-01", "2027-01-02"))
                .isInstanceOfSatisfying(ReportRequestInvalid.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void missingBackwardsAndMalformedDatesNameTheirField() {
        assertThatThrownBy(() -> ReportPeriod.parse(null, "2026-01-01"))
                .isInstanceOfSatisfying(ReportRequestInvalid.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> ReportPeriod.parse("2026-02-01", "2026-01-01"))
                .isInstanceOfSatisfying(ReportRequestInvalid.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> ReportPeriod.parse("2026-02-30", "2026-03-01"))
                .isInstanceOfSatisfying(ReportRequestInvalid.class, e -> {
                    assertThat(e.field()).isEqualTo("from");
                    assertThat(e.fieldMessage()).isEqualTo("must be a date such as 2026-01-31");
                });
    }
}

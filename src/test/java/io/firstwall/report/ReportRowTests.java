package io.firstwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A row is fitted to the columns that hold it: one bad answer is a failed row, never a failed run. */
class ReportRowTests {

    static ReportRow row(String wall, String explanation) {
        return new ReportRow("plan-1", 1, null, "A plan", "hash", ReportRow.OK, null, wall, LocalDate.of(2027, 1, 1), 3,
                false, "10 MW", explanation, wall, "GRID-002", "grid.x");
    }

    @Test
    void aWallNameLongerThanItsColumnMakesAFailedRowThatSaysSo() {
        ReportRow fitted = row("SUBSTATION_AND_TRANSMISSION_SWITCHGEAR_SUPPLY", "why").fitted();
        assertThat(fitted.failed()).isTrue();
        assertThat(fitted.error()).contains("SUBSTATION_AND_TRANSMISSION_SWITCHGEAR_SUPPLY (45 characters)")
                .contains("longer than the 40 a report can store");
        assertThat(fitted.firstWall()).isNull();
    }

    @Test
    void aLongExplanationIsCutWithAMark() {
        ReportRow fitted = row("GRID_INTERCONNECT", "w".repeat(5000)).fitted();
        assertThat(fitted.failed()).isFalse();
        assertThat(fitted.explanation()).hasSize(4000).endsWith("\u2026");
        assertThat(row("GRID_INTERCONNECT", "short").fitted()).isEqualTo(row("GRID_INTERCONNECT", "short"));
    }
}

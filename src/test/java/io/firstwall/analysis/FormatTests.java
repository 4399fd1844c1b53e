package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Figures as a planner reads them: years and dates as such, amounts with separators, moments to the minute. */
class FormatTests {

    @Test
    void yearsHaveNoThousandsSeparator() {
        assertThat(Format.value(2030, "year")).isEqualTo("2030");
        assertThat(Format.valueWithUnit(2030, "year")).isEqualTo("2030");
        assertThat(Format.value(2030, "MW")).isEqualTo("2,030");
        assertThat(Format.valueWithUnit(2030, "MW")).isEqualTo("2,030 MW");
    }

    @Test
    void aDateFactReadsAsADate() {
        assertThat(Format.value(20261127, "yyyymmdd")).isEqualTo("2026-11-27");
        assertThat(Format.valueWithUnit(20261127, "yyyymmdd")).isEqualTo("2026-11-27");
        assertThat(Format.value(20261340, "yyyymmdd")).isEqualTo("20261340");
    }

    @Test
    void momentsAndMonths() {
        assertThat(Format.time(Instant.parse("2026-11-29T05:37:03.123456789Z"))).isEqualTo("2026-11-29 05:37 UTC");
        assertThat(Format.time(null)).isEmpty();
        assertThat(Format.month(LocalDate.of(2031, 1, 1))).isEqualTo("Jan 2031");
    }
}

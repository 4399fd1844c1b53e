package io.firstwall.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tornado's fact labels fit their column: a long series point keeps its end, the whole id is its tooltip. */
class OddsChartsTests {

    @Test
    void aLongFactIdKeepsItsEndAndFitsTheLabelColumn() {
        assertThat(OddsCharts.label("launch.mass_kg_per_kw_it")).isEqualTo("launch.mass_kg_per_kw_it");
        String point = "launch.licensed_per_year.slc37@2027-07-01";
        assertThat(OddsCharts.label(point)).hasSize(OddsCharts.LABEL_CHARS).startsWith("\u2026")
                .endsWith("slc37@2027-07-01");
    }
}

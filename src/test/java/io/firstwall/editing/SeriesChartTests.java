package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** SeriesChart: a step chart per series, dots linking to the rows. */
class SeriesChartTests {

    static FactRows.Row row(String id, String value, String low, String high) {
        return new FactRows.Row("facts/chips.csv", 2, List.of(id, value, low, high, "wafers/month", "2025", "source",
                "secondary", ""));
    }

    @Test
    void aSeriesIsOneChartWithADotPerPointInDateOrder() {
        List<SeriesChart> charts = SeriesChart.of(List.of(row("chip.cowos_wafers_per_month", "15000", "", ""),
                row("chip.cowos_wafers_per_month@2026-01-01", "77500", "70000", "80000"),
                row("chip.cowos_wafers_per_month@2025-01-01", "34000", "33000", "35000"),
                row("chip.buyer_share", "0.05", "0.02", "0.2"),
                row("chip.cowos_wafers_per_month@2027-01-01", "110000", "93000", "130000")));
        assertThat(charts).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("chip.cowos_wafers_per_month");
            assertThat(c.dots()).extracting(SeriesChart.Dot::rowId).containsExactly("chip.cowos_wafers_per_month@2025-01-01",
                    "chip.cowos_wafers_per_month@2026-01-01", "chip.cowos_wafers_per_month@2027-01-01");
            // Later points are higher values, so they are drawn higher (smaller y) and further right.
            assertThat(c.dots().get(0).x()).isLessThan(c.dots().get(1).x());
            assertThat(c.dots().get(0).y()).isGreaterThan(c.dots().get(1).y());
            assertThat(c.dots().get(1).y()).isGreaterThan(c.dots().get(2).y());
            assertThat(c.dots()).allSatisfy(d -> {
                assertThat(d.x()).isBetween(0.0, (double) SeriesChart.WIDTH);
                assertThat(d.y()).isBetween(0.0, (double) SeriesChart.HEIGHT);
            });
            assertThat(c.dots().get(2).label()).isEqualTo("2027-01-01: 110,000 (93,000 to 130,000) wafers/month");
            assertThat(c.line()).startsWith("M").contains("L");
            assertThat(c.band()).endsWith("Z");
            assertThat(c.summary()).isEqualTo(
                    "chip.cowos_wafers_per_month: 3 points from 2025-01-01 (34,000) to 2027-01-01 (110,000) wafers/month");
            assertThat(c.top()).isEqualTo("130,000");
        });
    }

    @Test
    void plainFactsMakeNoChartAndABadPointIsLeftOut() {
        assertThat(SeriesChart.of(List.of(row("chip.buyer_share", "0.05", "", "")))).isEmpty();
        List<SeriesChart> charts = SeriesChart.of(List.of(row("a.b@2026-01-01", "1", "", ""), row("a.b@2027-13-01", "2", "", ""),
                row("a.b@2028-01-01", "x", "", "")));
        assertThat(charts).singleElement().satisfies(c -> assertThat(c.dots()).hasSize(1));
        assertThat(SeriesChart.of(List.of(row("a.b@2026-01-01", "1", "", ""), row("c.d@2026-01-01", "1", "", "")), "c.d").id())
                .isEqualTo("c.d");
        assertThat(SeriesChart.of(List.of(row("a.b", "1", "", "")), "a.b")).isNull();
    }
}

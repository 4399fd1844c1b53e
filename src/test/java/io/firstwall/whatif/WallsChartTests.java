package io.firstwall.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Plan;
import io.firstwall.plan.Power;

/** The swimlane chart: one lane per wall, and with a base plan, the base's walls as outlines in the same lanes. */
class WallsChartTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static Plan gas(boolean reserved) {
        var b = AnalysisFixtures.plan("US-TN", Power.ONSITE_GAS).phase("2027-12-31", 110_000);
        return reserved ? b.with("turbineSlotReserved", true).with("turbineSlotYear", 2027).build() : b.build();
    }

    @Test
    void aWallTheWhatIfRemovesKeepsItsLaneAsTheBasesOutline() {
        Analysis base = AnalysisFixtures.ANALYZER.analyze(gas(false), AnalysisFixtures.FACTS);
        Analysis whatIf = AnalysisFixtures.ANALYZER.analyze(gas(true), AnalysisFixtures.FACTS);
        assertThat(base.wall("TURBINE_SUPPLY")).isPresent();
        String svg = WallsChart.svg(whatIf, base, TODAY, f -> f, false);
        long lanes = svg.split("<g class=\"lane\"", -1).length - 1;
        long outlines = svg.split("class=\"base-wall\"", -1).length - 1;
        assertThat(lanes).isEqualTo(Stream.concat(base.walls().stream(), whatIf.walls().stream())
                .map(w -> w.factor()).distinct().count());
        assertThat(outlines).isEqualTo(base.walls().size());
        // A reserved slot brings the turbines years earlier: the turbine lane says by how much.
        assertThat(svg).containsPattern("data-factor=\"TURBINE_SUPPLY\"><title>[^<]*; base plan: [^<]*</title>.*?"
                + "class=\"end-label\"[^>]*>[A-Z][a-z]{2} \\d{4} \\(\u2212\\d+ mo\\)</text>");
        assertThat(WallsChart.svg(base, TODAY, f -> f, false)).doesNotContain("base-wall").doesNotContain("base plan;");
    }

    /** The downloaded file is well-formed XML, whatever the labels hold (no HTML-only entities such as &hellip;). */
    @Test
    void theDownloadedChartIsWellFormedSvg() throws Exception {
        Analysis base = AnalysisFixtures.ANALYZER.analyze(gas(false), AnalysisFixtures.FACTS);
        String svg = WallsChart.svg(base, TODAY, f -> "Zürich \u2013 " + f + " <&> \u2026", true);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTextContent()).contains("Zürich \u2013 TURBINE_SUPPLY <&> \u2026");
    }
}

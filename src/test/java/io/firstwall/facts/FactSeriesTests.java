package io.firstwall.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Facts that change over time: points of a series, read at a date, checked, overridden and scaled. */
class FactSeriesTests {

    static final String HEADER = "id,value,low,high,unit,as_of,source,status,note\n";
    static final String CSV = HEADER
            + "cowos,60000,,,wafers/month,2024,\"before the series\",secondary,\n"
            + "cowos@2025-12-31,75000,70000,80000,wafers/month,2025-12,\"TrendForce 75-80k\",secondary,\n"
            + "cowos@2026-12-31,110000,93000,130000,wafers/month,2025-11,\"Morgan Stanley 120-130k; JPM 95k\",secondary,\n"
            + "launches@2025-05-01,25,,,launches/yr,2025-05,\"FAA Starbase ROD\",primary,\n"
            + "launches@2027-01-01,145,25,146,launches/yr,2026,\"derived: 25 + 44 + 76\",derived,\n"
            + "plain,3,,,months,2025,\"x\",assumption,\n";

    static FactBase base() {
        return new FactBase(FactCsvReader.readFacts("facts/t.csv", CSV), List.of(), List.of());
    }

    @Test
    void aSeriesIsReadAtADateAsThePointThatHoldsThen() {
        FactBase base = base();
        assertThat(base.at("cowos", LocalDate.of(2026, 6, 30)).value()).isEqualTo(75_000);
        assertThat(base.at("cowos", LocalDate.of(2026, 12, 31)).value()).as("a point holds from its own day").isEqualTo(110_000);
        assertThat(base.at("cowos", LocalDate.of(2031, 1, 1)).value()).as("the last point holds on").isEqualTo(110_000);
        assertThat(base.at("cowos", LocalDate.of(2026, 6, 30)).source()).isEqualTo("TrendForce 75-80k");
        assertThat(base.at("cowos", LocalDate.of(2026, 6, 30)).low()).isEqualTo(70_000);
    }

    @Test
    void beforeItsFirstPointASeriesHoldsItsPlainFactOrElseItsFirstPoint() {
        FactBase base = base();
        assertThat(base.at("cowos", LocalDate.of(2024, 6, 30)).value()).isEqualTo(60_000);
        assertThat(base.at("launches", LocalDate.of(2024, 1, 1)).value()).isEqualTo(25);
        assertThat(base.at("launches", LocalDate.of(2027, 3, 1)).value()).isEqualTo(145);
    }

    @Test
    void aPlainFactHoldsAtEveryDateAndAnUnknownIdIsAnError() {
        FactBase base = base();
        assertThat(base.at("plain", LocalDate.of(2020, 1, 1)).value()).isEqualTo(3);
        assertThat(base.at("plain", LocalDate.of(2040, 1, 1)).value()).isEqualTo(3);
        assertThatThrownBy(() -> base.at("nope", LocalDate.of(2026, 1, 1))).isInstanceOf(MissingFactException.class);
        assertThat(base.points("cowos")).hasSize(2);
        assertThat(base.seriesIds()).containsExactlyInAnyOrder("cowos", "launches");
    }

    @Test
    void aPointWhoseDateIsNoDateIsRefusedInWords() {
        assertThatThrownBy(() -> FactCsvReader.readFacts("t.csv", HEADER
                + "cowos@2026-13-01,1,,,wafers/month,2025,src,primary,\n"))
                .isInstanceOfSatisfying(FactLoadException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("t.csv:2: '2026-13-01' after the @ of 'cowos@2026-13-01' is not a date")
                        .contains("like cowos@2026-01-01"));
    }

    @Test
    void everyPointOfASeriesHasTheUnitOfTheSeries() {
        List<Fact> facts = FactCsvReader.readFacts("t.csv", CSV + "cowos@2027-12-31,112,,,k wafers/month,2025,src,secondary,\n");
        assertThat(Series.unitProblems(facts)).singleElement().asString()
                .contains("the point cowos@2027-12-31 is in 'k wafers/month' but series cowos is in 'wafers/month'");
    }

    @Test
    void aWhatIfOverridesOnePointOrScalesAWholeSeries() {
        FactBase base = base();
        FactBase onePoint = base.withOverrides(Map.of("cowos@2026-12-31", 90_000.0));
        assertThat(onePoint.at("cowos", LocalDate.of(2027, 6, 1)).value()).isEqualTo(90_000);
        assertThat(onePoint.at("cowos", LocalDate.of(2026, 6, 1)).value()).isEqualTo(75_000);
        FactBase scaled = base.withOverrides(Map.of("cowos@*", 0.8));
        assertThat(scaled.at("cowos", LocalDate.of(2024, 6, 1)).value()).isEqualTo(48_000);
        assertThat(scaled.at("cowos", LocalDate.of(2026, 6, 1)).value()).isEqualTo(60_000);
        assertThat(scaled.at("cowos", LocalDate.of(2027, 6, 1)).value()).isEqualTo(88_000);
        assertThat(scaled.at("cowos", LocalDate.of(2027, 6, 1)).source()).startsWith("scenario override");
        assertThatThrownBy(() -> base.withOverrides(Map.of("plain@*", 2.0)))
                .hasMessageContaining("'plain' is not a series with points");
    }
}

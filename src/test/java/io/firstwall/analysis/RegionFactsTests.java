package io.firstwall.analysis;

import static io.firstwall.analysis.AnalysisFixtures.ANALYZER;
import static io.firstwall.analysis.AnalysisFixtures.FACTS;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.firstwall.facts.FactBase;
import io.firstwall.facts.Region;
import io.firstwall.plan.Power;

/** Every terrestrial region carries the facts the rules need; a region without one fails by the fact's name. */
class RegionFactsTests {

    /** The fact base with one more region, Nevada, and no fact about it. */
    static FactBase withNevada() {
        List<Region> regions = new ArrayList<>(FACTS.regions().values());
        regions.add(new Region("US-NV", "Nevada", false, "HOT", "NV Energy", "test", "assumption"));
        return new FactBase(FACTS.facts(), regions, FACTS.accelerators().values());
    }

    @ParameterizedTest(name = "a {0} plan in a region without facts names {1}")
    @CsvSource({
            "GRID, grid.queue_wait_months.US-NV",
            "ONSITE_GAS, climate.design_temp_c.US-NV",
            "SOLAR_STORAGE, solar.capacity_factor.US-NV"})
    void aRegionWithoutAFactARuleNeedsFailsLoudlyByName(Power power, String fact) {
        assertThatThrownBy(() -> ANALYZER.analyze(plan("US-NV", power).phase("2028-06-30", 330_000).build(), withNevada()))
                .isInstanceOf(AnalysisException.class).hasMessageContaining(fact);
    }

    @ParameterizedTest(name = "every terrestrial region answers a {0} plan")
    @EnumSource(value = Power.class, names = {"GRID", "ONSITE_GAS", "SOLAR_STORAGE"})
    void everyTerrestrialRegionHasTheFactsItsRulesNeed(Power power) {
        for (Region r : FACTS.regions().values()) {
            if (!r.orbital()) {
                Analysis a = ANALYZER.analyze(plan(r.id(), power).phase("2028-06-30", 330_000).build(), FACTS);
                assertThat(a.demand()).as(r.id()).isNotEmpty();
                assertThat(a.notes()).as(r.id() + " has its local-approval row").noneMatch(n -> n.ruleId().equals("PERM-090"));
            }
        }
    }
}

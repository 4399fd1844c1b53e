package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;

/** The example plans in data/plans: each one's first wall, binding date and cascade, as the README lists them. */
class ExamplePlansTests {

    static Analysis analyze(String file) throws Exception {
        Plan plan = new PlanReader(AnalysisFixtures.FACTS).read(Files.readString(Path.of("data/plans", file)));
        return AnalysisFixtures.analyze(plan);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "memphis-onsite-gas-1gw.json|TURBINE_SUPPLY|2026-12-31|TURBINE_SUPPLY CONSTRUCTION ELECTRICAL_EQUIPMENT PERMITS CHIP_SUPPLY MEMORY_SUPPLY",
            "nova-grid-1gw.json|GRID_INTERCONNECT|2027-06-30|GRID_INTERCONNECT CONSTRUCTION ELECTRICAL_EQUIPMENT",
            "ercot-campus-new-line.json|GRID_INTERCONNECT|2027-12-31|GRID_INTERCONNECT CONSTRUCTION ELECTRICAL_EQUIPMENT",
            "southaven-gas-equipment-secured.json|PERMITS|2027-03-31|PERMITS CHIP_SUPPLY",
            "orbital-cluster-1gw.json|LAUNCH_CAPACITY|2028-12-31|LAUNCH_CAPACITY",
            "retrofit-spare-power-no-hbm.json|CHIP_SUPPLY|2026-09-30|CHIP_SUPPLY MEMORY_SUPPLY",
            "orbital-chinese-gaas.json|GALLIUM_SUPPLY|2028-06-30|GALLIUM_SUPPLY LAUNCH_CAPACITY",
            "multi-gw-2030-buildout.json|CONSTRUCTION|2027-12-31|CONSTRUCTION CHIP_SUPPLY TURBINE_SUPPLY",
            "h100-expansion-feasible.json|none||",
            "arizona-solar-storage.json|SOLAR_STORAGE|2027-12-31|SOLAR_STORAGE",
            "ohio-gas-engines.json|ELECTRICAL_EQUIPMENT|2027-06-30|ELECTRICAL_EQUIPMENT TURBINE_SUPPLY CONSTRUCTION PERMITS"})
    void eachExamplePlanHitsItsExpectedFirstWall(String file, String firstWall, String bindsOn, String cascade)
            throws Exception {
        Analysis a = analyze(file);
        if (firstWall.equals("none")) {
            assertThat(a.feasible()).isTrue();
            assertThat(a.firstWall()).isNull();
            assertThat(a.cascade()).isEmpty();
        } else {
            assertThat(a.feasible()).isFalse();
            assertThat(a.firstWall().factor()).isEqualTo(firstWall);
            assertThat(a.firstWall().bindsOn()).hasToString(bindsOn);
            assertThat(a.cascade()).containsExactly(cascade.split(" "));
        }
    }

    @Test
    void everyFactorIsTheFirstWallOfSomeExamplePlan() throws Exception {
        // MEMORY_SUPPLY is a second cap on the packages CHIP_SUPPLY delivers (HBM goes into CoWoS packages, in the
        // same shares), so it binds beside CHIP_SUPPLY, not before it: it must be in some example's cascade.
        Set<String> firstWalls = new HashSet<>();
        Set<String> cascades = new HashSet<>();
        try (var files = Files.list(Path.of("data/plans"))) {
            for (Path file : files.toList()) {
                Analysis a = analyze(file.getFileName().toString());
                if (a.firstWall() != null) {
                    firstWalls.add(a.firstWall().factor());
                }
                cascades.addAll(a.cascade());
            }
        }
        assertThat(firstWalls).containsExactlyInAnyOrderElementsOf(List.of("PERMITS", "GRID_INTERCONNECT",
                "TURBINE_SUPPLY", "GALLIUM_SUPPLY", "LAUNCH_CAPACITY", "CHIP_SUPPLY", "ELECTRICAL_EQUIPMENT",
                "SOLAR_STORAGE", "CONSTRUCTION"));
        assertThat(cascades).contains("MEMORY_SUPPLY");
    }

    @Test
    void aWallRestingOnAssumptionsSaysSo() throws Exception {
        Wall grid = analyze("nova-grid-1gw.json").firstWall();
        assertThat(grid.explanation()).endsWith("Assumed, with no public source: pue.ai_site_peak, grid.large_load_study_months,"
                + " grid.site_share_of_energizations.");
        Wall chips = analyze("retrofit-spare-power-no-hbm.json").firstWall();
        assertThat(chips.explanation()).endsWith("Assumed, with no public source: chip.buyer_share, model.horizon_years.");
    }

    @Test
    void theFirstWallSentenceCarriesItsNumbersAndEvidence() throws Exception {
        Analysis a = analyze("memphis-onsite-gas-1gw.json");
        Wall w = a.firstWall();
        assertThat(w.explanation()).contains("Jan 2031").contains("phase 1 needs 860 MW by Dec 2026");
        assertThat(w.ruleIds()).contains("TURB-001", "TURB-002");
        assertThat(a.facts()).extracting(FactUse::id).contains("turbine.casting_backlog_year");
        assertThat(a.facts()).allSatisfy(f -> assertThat(f.source()).isNotBlank());
    }
}

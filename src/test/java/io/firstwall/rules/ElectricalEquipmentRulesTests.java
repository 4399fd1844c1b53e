package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/equipment/electrical_equipment.drl */
class ElectricalEquipmentRulesTests {

    static final String EQUIPMENT = "ELECTRICAL_EQUIPMENT";
    static final LocalDate DECIDED = LocalDate.of(2026, 1, 15);

    static LocalDate afterWeeks(String fact) {
        return Calc.plusMonths(DECIDED, fact(fact) * 7 / 30.44);
    }

    static Analysis analyzeWith(AnalysisFixtures.PlanBuilder plan, String fact, double value) {
        return AnalysisFixtures.ANALYZER.analyze(plan.build(), AnalysisFixtures.FACTS.withOverrides(Map.of(fact, value)));
    }

    static String region(Power power) {
        return power == Power.SOLAR_STORAGE ? "US-AZ" : "US-TX";
    }

    @Nested
    class Elec001NeedsSubstationEquipment {

        @ParameterizedTest(name = "{0} needs its substation")
        @EnumSource(value = Power.class, names = {"GRID", "ONSITE_GAS", "SOLAR_STORAGE"})
        void everyPowerTypeOnTheGroundNeedsItsFacilityLoad(Power power) {
            Analysis a = analyze(plan(region(power), power).phase("2026-12-31", 100_000));
            assertThat(wall(a, EQUIPMENT).needed()).isEqualTo(a.demand().get(0).facilityMw());
            assertThat(a.rulesFired()).contains("ELEC-001");
        }

        @Test
        void anOrbitalPlanNeedsNoSubstation() {
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).decided("2026-03-01").phase("2028-06-30", 20_000));
            assertThat(a.rulesFired()).noneMatch(r -> r.startsWith("ELEC-"));
            assertThat(hasWall(a, EQUIPMENT)).isFalse();
        }
    }

    @Nested
    class Elec002PowerTransformers {

        @Test
        void aGridPlanWaitsForItsPowerTransformers() {
            Wall w = wall(analyze(plan("US-TX", Power.GRID).phase("2026-12-31", 100_000)), EQUIPMENT);
            // On the grid no step-up unit is needed: the power transformers are the longest lead.
            assertThat(w.fullCapacityOn()).isEqualTo(afterWeeks("grid_equipment.power_transformer.lead_weeks"));
            assertThat(w.factIds()).anyMatch(id -> id.startsWith("grid_equipment.power_transformer.lead_weeks@"));
            assertThat(w.bindsOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        }

        @Test
        void aPhaseAfterEveryLeadTimeHasNoWall() {
            assertThat(hasWall(analyze(plan("US-TX", Power.GRID).phase("2031-01-01", 100_000)), EQUIPMENT)).isFalse();
        }

        /** Fuel cells and trailer turbines feed the campus at low and medium voltage: no step-up units, no HV transformers. */
        @ParameterizedTest(name = "{0}: no step-up units or HV transformers")
        @CsvSource({"FUEL_CELL", "MOBILE_TURBINE"})
        void fuelCellsAndTrailerTurbinesNeedNoHighVoltageEquipment(String type) {
            Analysis a = analyze(plan("US-OH", Power.ONSITE_GAS).phase("2026-12-31", 100_000).with("turbineType", type));
            assertThat(a.rulesFired()).doesNotContain("ELEC-002", "ELEC-003").contains("ELEC-004");
            assertThat(analyze(plan("US-OH", Power.ONSITE_GAS).phase("2026-12-31", 100_000).with("turbineType", "GAS_ENGINE"))
                    .rulesFired()).contains("ELEC-002", "ELEC-003");
        }

        /** A campus below the large-load size connects at distribution voltage: no high-voltage transformer. */
        @Test
        void aSmallCampusNeedsNoHighVoltageTransformers() {
            Analysis a = analyze(plan("US-TX", Power.GRID).accelerator("H100").phase("2026-12-31", 64));
            assertThat(a.rulesFired()).doesNotContain("ELEC-002").contains("ELEC-004");
            assertThat(analyze(plan("US-TX", Power.ONSITE_GAS).accelerator("H100").phase("2026-12-31", 64)).rulesFired())
                    .doesNotContain("ELEC-003");
        }
    }

    @Nested
    class Elec003StepUpUnits {

        @ParameterizedTest(name = "{0} waits for its step-up units")
        @EnumSource(value = Power.class, names = {"ONSITE_GAS", "SOLAR_STORAGE"})
        void onSiteGenerationWaitsForItsGsus(Power power) {
            Analysis a = analyze(plan(region(power), power).phase("2026-12-31", 100_000));
            Wall w = wall(a, EQUIPMENT);
            assertThat(a.rulesFired()).contains("ELEC-003");
            assertThat(w.fullCapacityOn()).isEqualTo(afterWeeks("grid_equipment.gsu.lead_weeks"));
            assertThat(w.explanation()).contains("step-up");
        }

        @Test
        void aGridPlanNeedsNoStepUpUnits() {
            assertThat(analyze(plan("US-TX", Power.GRID).phase("2026-12-31", 100_000)).rulesFired())
                    .doesNotContain("ELEC-003");
        }
    }

    @Nested
    class Elec004DistributionTransformers {

        @Test
        void distributionTransformersAreALaneOfTheirOwn() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2026-12-31", 100_000));
            assertThat(a.rulesFired()).contains("ELEC-004");
            assertThat(fact("grid_equipment.distribution_transformer.lead_months") * 30.44 / 7)
                    .as("shorter than the power transformers, so they do not set the date")
                    .isLessThan(fact("grid_equipment.power_transformer.lead_weeks"));
            assertThat(wall(a, EQUIPMENT).explanation()).contains("power transformers").doesNotContain("distribution");
        }

        @Test
        void aLongerDistributionLeadSetsTheDate() {
            // The plan is decided in January 2026: the series' point of that month is the lead time it reads.
            Analysis a = analyzeWith(plan("US-TX", Power.GRID).phase("2026-12-31", 100_000),
                    "grid_equipment.distribution_transformer.lead_months@2026-01-01", 48);
            Wall w = wall(a, EQUIPMENT);
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(DECIDED, 48));
            assertThat(w.explanation()).contains("distribution transformers");
        }
    }

    @Nested
    class Elec005BreakersAndSwitchgear {

        @Test
        void theirLeadTimesAreANoteNotALane() {
            Analysis a = analyzeWith(plan("US-TX", Power.GRID).phase("2026-12-31", 100_000),
                    "grid_equipment.hv_breaker.lead_months", 60);
            assertThat(wall(a, EQUIPMENT).fullCapacityOn()).isEqualTo(afterWeeks("grid_equipment.power_transformer.lead_weeks"));
            assertThat(a.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("ELEC-005");
                assertThat(n.text()).contains("60 months").contains("not a lane");
            });
        }

        @Test
        void noNoteInOrbit() {
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).decided("2026-03-01").phase("2028-06-30", 20_000));
            assertThat(a.notes()).noneMatch(n -> n.ruleId().equals("ELEC-005"));
        }
    }

    @Nested
    class Elec006ExistingEquipment {

        /** Up to 50 MW beyond the spare capacity comes with the utility's upgrade of the substation (ELEC-008). */
        @ParameterizedTest(name = "spare {0} MW against a design-hour load of about 55 MW: wall {1}")
        @CsvSource({"0, true", "4, true", "6, false", "54, false", "56, false"})
        void anExistingSubstationServesUpToItsSpareCapacity(double spareMw, boolean wall) {
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2026-09-30", 20_000).with("existingPowerMW", spareMw));
            assertThat(hasWall(a, EQUIPMENT)).isEqualTo(wall);
        }

        /** Before, 500 MW of grid at a gas campus counted for nothing; every real gas campus in the backtest was hybrid. */
        @Test
        void onSiteGasGetsCreditForTheGridEquipmentItAlreadyHas() {
            Analysis a = analyze(plan("US-TX", Power.ONSITE_GAS).phase("2026-09-30", 20_000).with("existingPowerMW", 500));
            assertThat(a.rulesFired()).contains("ELEC-006");
            assertThat(hasWall(a, EQUIPMENT)).isFalse();
            Analysis without = analyze(plan("US-TX", Power.ONSITE_GAS).phase("2026-09-30", 20_000));
            assertThat(hasWall(without, EQUIPMENT)).isTrue();
        }
    }

    @Nested
    class Elec007ImportsAndDeficit {

        @Test
        void theNoteGivesTheDeficitAndTheImportShare() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2026-12-31", 100_000));
            assertThat(a.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("ELEC-007");
                assertThat(n.text()).contains("30%").contains("80%");
            });
        }

        @Test
        void noNoteInOrbit() {
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).decided("2026-03-01").phase("2028-06-30", 20_000));
            assertThat(a.notes()).noneMatch(n -> n.ruleId().equals("ELEC-007"));
        }
    }
}

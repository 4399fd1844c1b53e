package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Need;
import io.firstwall.analysis.PhaseDemand;
import io.firstwall.analysis.Supply;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/solar/solar_storage.drl */
class SolarStorageRulesTests {

    static final String SOLAR = "SOLAR_STORAGE";

    /** 1 GW of GB300 on solar plus storage in Phoenix, decided in March 2026, wanted by mid-2028. */
    static PlanBuilder solarCampus() {
        return plan("US-AZ", Power.SOLAR_STORAGE).decided("2026-03-01").phase("2028-06-30", 330_000);
    }

    /** 100 MW of load, 600 MW of panels: the demand rule's answer, given. */
    static final PhaseDemand DEMAND = new PhaseDemand(1, LocalDate.of(2028, 6, 30), 36_000, 77, 100, 600, "DEMAND-002",
            "given", List.of("pue.ai_site_peak"));

    static LocalDate firstBlocks() {
        return Calc.plusMonths(LocalDate.of(2026, 3, 1), fact("solar.build_months"));
    }

    @Nested
    class Solar001NeedsFirmPower {

        @Test
        void givenASolarPlanAndItsDemandThisRuleAloneAsksForTheFacilityLoad() {
            RuleVerifier.Outcome outcome = RuleVerifier.verifyThat("SOLAR-001").given(solarCampus().build(), DEMAND);
            assertThat(outcome.inserted(Need.class)).singleElement().satisfies(n -> {
                assertThat(n.factor()).isEqualTo(SOLAR);
                assertThat(n.amount()).isEqualTo(100);
                assertThat(n.unit()).isEqualTo("MW");
            });
        }

        @Test
        void aGridPlanNeedsNoSolar() {
            Analysis a = analyze(plan("US-AZ", Power.GRID).phase("2028-06-30", 330_000));
            assertThat(a.rulesFired()).noneMatch(r -> r.startsWith("SOLAR-"));
            assertThat(hasWall(a, SOLAR)).isFalse();
        }
    }

    @Nested
    class Solar002Panels {

        @Test
        void panelsRunTheFirstBlocksAfterConstructionThenAtTheBuyersShareOfTheUsBuild() {
            RuleVerifier.Outcome outcome = RuleVerifier.verifyThat("SOLAR-002").given(solarCampus().build(), DEMAND);
            List<Supply> steps = outcome.inserted(Supply.class).stream()
                    .sorted(java.util.Comparator.comparing(Supply::from)).toList();
            double panelsPerQuarter = fact("solar.us_additions_gw_per_year") * 1000 / 4 * fact("solar.buyer_share");
            assertThat(steps.get(0).lane()).isEqualTo("panels");
            assertThat(steps.get(0).from()).isEqualTo(firstBlocks());
            assertThat(steps.get(0).amount()).isCloseTo(panelsPerQuarter / 6, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(steps.get(1).from()).isEqualTo(firstBlocks().plusMonths(3));
            assertThat(steps.get(1).amount()).isCloseTo(2 * panelsPerQuarter / 6, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(steps.get(0).sentence()).contains("10% of the 30 GW of utility-scale solar").contains("6x overbuild");
        }

        /** Where the sun is weaker the campus needs more panels, so the same build firms less load. */
        @Test
        void weakerSunNeedsMorePanelsAndTakesLonger() {
            Analysis arizona = analyze(solarCampus().with("solarShare", 0.3));
            Analysis virginia = analyze(plan("US-VA", Power.SOLAR_STORAGE).decided("2026-03-01").phase("2028-06-30", 330_000)
                    .with("solarShare", 0.3));
            assertThat(virginia.demand().get(0).generationMw()).isGreaterThan(arizona.demand().get(0).generationMw());
            assertThat(wall(virginia, SOLAR).fullCapacityOn()).isAfterOrEqualTo(wall(arizona, SOLAR).fullCapacityOn());
        }

        @Test
        void doesNotFireOnTheGrid() {
            assertThat(RuleVerifier.verifyThat("SOLAR-002").given(plan("US-AZ", Power.GRID).phase("2028-06-30", 1000).build(),
                    DEMAND).fired()).isZero();
        }
    }

    @Nested
    class Solar003Batteries {

        /** Before, a 1 GW solar campus built in 27 months came out a few months late: its 15 GWh of batteries were never counted. */
        @Test
        void aGigawattOfFirmSolarWaitsYearsForItsBatteries() {
            Analysis a = analyze(solarCampus());
            Wall w = wall(a, SOLAR);
            assertThat(w.explanation()).contains("MWh of batteries").contains("10% of the 36 GWh");
            double facility = a.demand().get(0).facilityMw();
            double firmPerQuarter = fact("storage.us_additions_gwh_per_year") * 1000 / 4 * fact("solar.buyer_share")
                    / fact("solar.firm_storage_hours");
            long quarters = (long) Math.ceil(facility / firmPerQuarter - 1e-9);
            assertThat(w.fullCapacityOn()).isEqualTo(firstBlocks().plusMonths(3 * (quarters - 1)));
            assertThat(w.slipMonths()).isGreaterThan(24);
        }

        @Test
        void runningEveryHourNeedsMoreStorageAndTakesLonger() {
            Wall most = wall(analyze(solarCampus()), SOLAR);
            Analysis all = analyze(solarCampus().with("solarCoverage", "ALL_HOURS"));
            assertThat(wall(all, SOLAR).fullCapacityOn()).isAfter(most.fullCapacityOn());
            assertThat(wall(all, SOLAR).explanation()).contains("18 hours at the load");
        }

        @Test
        void aSmallCampusRunsOnItsFirstBlocks() {
            Analysis a = analyze(plan("US-AZ", Power.SOLAR_STORAGE).decided("2026-03-01").phase("2028-06-30", 2_000));
            assertThat(a.rulesFired()).contains("SOLAR-003");
            assertThat(hasWall(a, SOLAR)).isFalse();
        }
    }

    @Nested
    class Solar004UsMadeCells {

        @Test
        void panelsWithUsMadeCellsWaitForTheFewGigawattsOfUsCells() {
            Analysis imported = analyze(solarCampus());
            Analysis domestic = analyze(solarCampus().with("solarDomesticCells", true));
            assertThat(domestic.rulesFired()).contains("SOLAR-004");
            Wall w = wall(domestic, SOLAR);
            assertThat(w.explanation()).contains("US-made cells").contains("3.2 GW");
            assertThat(w.fullCapacityOn() == null || w.fullCapacityOn().isAfter(wall(imported, SOLAR).fullCapacityOn())).isTrue();
        }

        @Test
        void doesNotFireForImportedPanels() {
            assertThat(analyze(solarCampus()).rulesFired()).doesNotContain("SOLAR-004");
        }
    }

    @Nested
    class Solar005Tariffs {

        @Test
        void importedPanelsAndBatteriesCarryTheDutiesAsAPrice() {
            assertThat(analyze(solarCampus()).notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("SOLAR-005");
                assertThat(n.text()).contains("50% on Chinese solar cells").contains("25% on Chinese non-EV lithium-ion")
                        .contains("Jun 2025");
            });
        }

        @Test
        void noDutyNoteForUsMadeCells() {
            assertThat(analyze(solarCampus().with("solarDomesticCells", true)).notes())
                    .noneMatch(n -> n.ruleId().equals("SOLAR-005"));
        }
    }

    @Nested
    class Solar006Land {

        @Test
        void theNoteGivesTheAcres() {
            Analysis a = analyze(solarCampus());
            long acres = Math.round(a.demand().get(0).generationMw() * fact("solar.acres_per_mw"));
            assertThat(a.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("SOLAR-006");
                assertThat(n.text()).contains(io.firstwall.analysis.Format.num(acres) + " acres");
            });
        }

        @Test
        void noLandNoteOnTheGrid() {
            assertThat(analyze(plan("US-AZ", Power.GRID).phase("2028-06-30", 1000)).notes())
                    .noneMatch(n -> n.ruleId().equals("SOLAR-006"));
        }
    }

    @Nested
    class Solar007OtherHours {

        @Test
        void sizedForMostHoursTheNoteSaysWhatTheRestNeeds() {
            assertThat(analyze(solarCampus()).notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("SOLAR-007");
                assertThat(n.text()).contains("97% of the hours").contains("263 hours a year").contains("62% in Birmingham")
                        .contains("grid wall").contains("solarCoverage ALL_HOURS");
            });
        }

        @Test
        void noNoteWhenEveryHourIsCovered() {
            assertThat(analyze(solarCampus().with("solarCoverage", "ALL_HOURS")).notes())
                    .noneMatch(n -> n.ruleId().equals("SOLAR-007"));
        }
    }

    @Nested
    class Solar008OldFigures {

        @Test
        void aDecisionYearsAfterTheBuildFiguresSaysSo() {
            Analysis late = analyze(plan("US-AZ", Power.SOLAR_STORAGE).decided("2034-01-15").phase("2036-06-30", 100_000));
            assertThat(late.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("SOLAR-008");
                assertThat(n.text()).contains("a decision in 2034");
            });
        }

        @Test
        void aDecisionNowGetsNoNote() {
            assertThat(analyze(solarCampus()).notes()).noneMatch(n -> n.ruleId().equals("SOLAR-008"));
        }
    }

    /** Sized for most hours, the campus needs the grid for its whole load in the rest: the grid's wait counts. */
    @Nested
    class TheGridAsBackup {

        @Test
        void mostHoursWaitsForTheGridConnectionTooAllHoursDoesNot() {
            Analysis most = analyze(solarCampus());
            assertThat(most.rulesFired()).contains("GRID-001", "GRID-002");
            Wall grid = wall(most, "GRID_INTERCONNECT");
            assertThat(grid.needed()).isEqualTo(most.demand().get(0).facilityMw());
            Analysis all = analyze(solarCampus().with("solarCoverage", "ALL_HOURS"));
            assertThat(all.rulesFired()).noneMatch(r -> r.startsWith("GRID-"));
        }
    }
}

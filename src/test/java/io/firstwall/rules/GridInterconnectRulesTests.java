package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/grid/grid_interconnect.drl */
class GridInterconnectRulesTests {

    static final String GRID = "GRID_INTERCONNECT";

    @Nested
    class Grid001NeedsInterconnection {

        @Test
        void aGridPlanNeedsItsFacilityLoad() {
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2027-01-01", 100_000));
            assertThat(wall(a, GRID).needed()).isEqualTo(a.demand().get(0).facilityMw());
            assertThat(a.rulesFired()).contains("GRID-001");
        }

        @Test
        void onSiteGasDoesNotNeedTheGrid() {
            Analysis a = analyze(plan("US-VA", Power.ONSITE_GAS).phase("2027-01-01", 100_000));
            assertThat(a.rulesFired()).doesNotContain("GRID-001", "GRID-002");
            assertThat(hasWall(a, GRID)).isFalse();
        }
    }

    @Nested
    class Grid002StudyThenQueue {

        @ParameterizedTest(name = "{0}: study plus regional wait")
        @CsvSource({"US-VA", "US-TX", "US-TN", "US-MS", "US-AZ", "US-OH", "US-GA", "US-LA", "US-PA", "US-WI", "US-ND",
                "US-WY", "US-CA"})
        void newCapacityComesAfterTheStudyAndTheRegionalWait(String region) {
            Wall w = wall(analyze(plan(region, Power.GRID).phase("2027-01-01", 100_000)), GRID);
            LocalDate expected = Calc.plusMonths(LocalDate.of(2026, 1, 15),
                    fact("grid.large_load_study_months") + fact("grid.queue_wait_months." + region));
            assertThat(w.fullCapacityOn()).isEqualTo(expected);
            assertThat(w.explanation()).contains("utility study").contains(region);
            assertThat(w.factIds()).contains("grid.queue_wait_months." + region);
        }

        @Test
        void aPhaseAfterTheQueueHasNoWall() {
            assertThat(hasWall(analyze(plan("US-VA", Power.GRID).phase("2035-01-01", 100_000)), GRID)).isFalse();
        }
    }

    @Nested
    class Grid003SpareCapacity {

        @ParameterizedTest(name = "spare {0} MW against a design-hour load of about 55 MW: wall {1}")
        @CsvSource({"0, true", "54, true", "56, false", "500, false"})
        void spareCapacityCoversLoadUpToItsSize(double spareMw, boolean wall) {
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2026-09-30", 20_000).with("existingPowerMW", spareMw));
            assertThat(a.demand().get(0).facilityMw()).isBetween(54.0, 56.0);
            assertThat(hasWall(a, GRID)).isEqualTo(wall);
        }

        @Test
        void aLaterLargerPhaseStillWaitsForTheQueue() {
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2026-09-30", 20_000).phase("2028-01-01", 200_000)
                    .with("existingPowerMW", 60));
            assertThat(a.rulesFired()).contains("GRID-003");
            assertThat(wall(a, GRID).bindsOn()).isEqualTo(LocalDate.of(2028, 1, 1));
        }

        @Test
        void doesNotFireWithoutSpareCapacity() {
            assertThat(analyze(plan("US-VA", Power.GRID).phase("2027-01-01", 1000)).rulesFired())
                    .doesNotContain("GRID-003");
        }
    }

    @Nested
    class Grid004ErcotQueueNote {

        @Test
        void aTexasGridPlanGetsTheQueueContext() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2027-01-01", 1000));
            assertThat(a.notes()).anySatisfy(n -> assertThat(n.text()).contains("233 GW").contains("87 GW"));
        }

        @Test
        void otherRegionsDoNot() {
            assertThat(analyze(plan("US-VA", Power.GRID).phase("2027-01-01", 1000)).rulesFired())
                    .doesNotContain("GRID-004");
        }
    }

    @Nested
    class Grid005TexasSb6 {

        @Test
        void aLargeTexasLoadGetsTheSb6Note() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2030-01-01", 100_000));
            assertThat(a.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("GRID-005");
                assertThat(n.text()).contains("SB 6").contains("curtail");
            });
        }

        @Test
        void aSmallTexasLoadOrAnotherStateGetsNone() {
            assertThat(analyze(plan("US-TX", Power.GRID).phase("2030-01-01", 1_000)).notes())
                    .noneMatch(n -> n.ruleId().equals("GRID-005"));
            assertThat(analyze(plan("US-VA", Power.GRID).phase("2030-01-01", 100_000)).notes())
                    .noneMatch(n -> n.ruleId().equals("GRID-005"));
        }
    }

    @Nested
    class Grid006FlexibleLoad {

        @ParameterizedTest(name = "{0}: a flexible load waits part of the queue")
        @CsvSource({"US-VA", "US-TX", "US-OH"})
        void aCurtailableLoadConnectsAfterTheStudyAndPartOfTheQueue(String region) {
            Analysis a = analyze(plan(region, Power.GRID).phase("2027-01-01", 100_000).with("flexibleLoad", true));
            assertThat(a.rulesFired()).contains("GRID-006").doesNotContain("GRID-002");
            Wall w = wall(a, GRID);
            LocalDate expected = Calc.plusMonths(LocalDate.of(2026, 1, 15), fact("grid.large_load_study_months")
                    + fact("grid.queue_wait_months." + region) * fact("grid.flexible_wait_share"));
            assertThat(w.fullCapacityOn()).isEqualTo(expected)
                    .isBefore(wall(analyze(plan(region, Power.GRID).phase("2027-01-01", 100_000)), GRID).fullCapacityOn());
            assertThat(w.explanation()).contains("flexibleLoad").contains("44 hours").contains("98 GW")
                    .contains("22 largest US grids").contains("this campus alone is");
        }

        @Test
        void aFirmLoadWaitsTheWholeQueue() {
            assertThat(analyze(plan("US-VA", Power.GRID).phase("2027-01-01", 100_000)).rulesFired())
                    .contains("GRID-002").doesNotContain("GRID-006");
        }
    }

    @Nested
    class Grid007SmallLoad {

        /** Before, 64 H100 (0.12 MW) waited 43 months in the same queue as a gigawatt campus. */
        @Test
        void aLoadBelowTheLargeLoadSizeIsAnOrdinaryCustomer() {
            Analysis a = analyze(plan("US-VA", Power.GRID).accelerator("H100").phase("2026-06-30", 64));
            assertThat(a.rulesFired()).contains("GRID-007").doesNotContain("GRID-002");
            assertThat(hasWall(a, GRID)).isFalse();
        }

        @Test
        void aLargeLoadIsNot() {
            double mw = fact("grid.large_load_threshold_mw");
            long accelerators = (long) Math.ceil(mw * 1e6 / fact("accelerator.GB300.it_w") / fact("pue.ai_site_peak")) + 10;
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2026-06-30", accelerators));
            assertThat(a.demand().get(0).facilityMw()).isGreaterThanOrEqualTo(mw);
            assertThat(a.rulesFired()).contains("GRID-002").doesNotContain("GRID-007");
        }
    }

    @Nested
    class Grid008BatchZero {

        @Test
        void aLargeTexasLoadGetsTheBatchZeroNote() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2028-01-01", 100_000));
            assertThat(a.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("GRID-008");
                assertThat(n.text()).contains("Batch Zero").contains("Jun 2026").contains("75 MW");
            });
        }

        @Test
        void aSmallTexasLoadOrAnotherStateGetsNone() {
            assertThat(analyze(plan("US-TX", Power.GRID).phase("2028-01-01", 10_000)).notes())
                    .noneMatch(n -> n.ruleId().equals("GRID-008"));
            assertThat(analyze(plan("US-VA", Power.GRID).phase("2028-01-01", 100_000)).notes())
                    .noneMatch(n -> n.ruleId().equals("GRID-008"));
        }
    }

    @Nested
    class Grid009OldFigures {

        @Test
        void aRequestYearsAfterTheQueueFigureSaysSo() {
            Analysis late = analyze(plan("US-VA", Power.GRID).decided("2034-01-15").phase("2036-06-30", 100_000));
            assertThat(late.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("GRID-009");
                assertThat(n.text()).contains("US-VA").contains("a request in 2034").contains("Sep 2024");
            });
        }

        @Test
        void aRequestNowGetsNoNote() {
            assertThat(analyze(plan("US-VA", Power.GRID).phase("2028-06-30", 100_000)).notes())
                    .noneMatch(n -> n.ruleId().equals("GRID-009"));
        }
    }
}

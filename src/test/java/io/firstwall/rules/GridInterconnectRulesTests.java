package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.DEFAULT_DECISION;
import static io.firstwall.analysis.AnalysisFixtures.allowedOn;
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
import io.firstwall.analysis.Format;
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

        /** The new MW start after the study and the region's wait, then come a share of the utility's yearly rate at a time. */
        @ParameterizedTest(name = "{0}: study plus regional wait, then the utility's pace")
        @CsvSource({"US-VA", "US-TX", "US-TN", "US-MS", "US-AZ", "US-OH", "US-GA", "US-LA", "US-PA", "US-WI", "US-ND",
                "US-WY", "US-CA"})
        void newCapacityComesAfterTheStudyAndTheRegionalWaitAtTheUtilitysPace(String region) {
            Analysis a = analyze(plan(region, Power.GRID).phase("2027-01-01", 100_000));
            Wall w = wall(a, GRID);
            LocalDate ready = Calc.plusMonths(DEFAULT_DECISION,
                    fact("grid.large_load_study_months") + fact("grid.queue_wait_months." + region));
            double perQuarter = fact("grid.energize_mw_per_year." + region) * fact("grid.site_share_of_energizations") / 4;
            double quarters = Math.max(1, Math.ceil(a.demand().get(0).facilityMw() / perQuarter - 1e-9));
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(ready, 3 * (quarters - 1)));
            assertThat(w.explanation()).contains("utility study").contains(region).contains("MW a year");
            assertThat(w.factIds()).anyMatch(id -> id.startsWith("grid.queue_wait_months." + region))
                    .anyMatch(id -> id.startsWith("grid.energize_mw_per_year." + region));
        }

        /** Before, a 5 GW campus in Dominion's zone was feasible by 2033: any MW came with the connection date. */
        @Test
        void aMultiGigawattCampusArrivesInStepsOverYears() {
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2033-12-31", 1_850_000));
            assertThat(a.demand().get(0).facilityMw()).isGreaterThan(4_900);
            Wall w = wall(a, GRID);
            assertThat(w.fullCapacityOn()).isAfter(LocalDate.of(2034, 1, 1));
            double perYear = fact("grid.energize_mw_per_year.US-VA") * fact("grid.site_share_of_energizations");
            assertThat(w.explanation()).contains(Format.num(perYear) + " MW a year");
        }

        /** ERCOT energizes a few GW a year: 16.6 GW by 2028, flexible or not, is years late. */
        @Test
        void sixteenGigawattsInErcotByTwentyTwentyEightIsNotFeasibleEvenFlexible() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2028-12-31", 6_100_000).with("flexibleLoad", true));
            assertThat(a.demand().get(0).facilityMw()).isGreaterThan(16_000);
            assertThat(wall(a, GRID).fullCapacityOn()).isAfter(LocalDate.of(2034, 1, 1));
        }

        /** Dominion's wait was three to four years before August 2024 and four to seven after. */
        @Test
        void theWaitIsTheOneOfTheDecisionDate() {
            Wall early = wall(analyze(plan("US-VA", Power.GRID).decided("2024-03-01").phase("2025-01-01", 20_000)), GRID);
            Wall late = wall(analyze(plan("US-VA", Power.GRID).decided("2025-03-01").phase("2026-01-01", 20_000)), GRID);
            LocalDate d = LocalDate.of(2024, 3, 1);
            assertThat(early.fullCapacityOn()).isEqualTo(Calc.plusMonths(d, fact("grid.large_load_study_months", d)
                    + fact("grid.queue_wait_months.US-VA", d)));
            assertThat(fact("grid.queue_wait_months.US-VA", LocalDate.of(2025, 3, 1)))
                    .isGreaterThan(fact("grid.queue_wait_months.US-VA", d));
            assertThat(late.fullCapacityOn()).isAfter(early.fullCapacityOn().plusYears(1));
        }

        @Test
        void aPhaseAfterTheQueueHasNoWall() {
            assertThat(hasWall(analyze(plan("US-VA", Power.GRID).phase("2035-01-01", 100_000)), GRID)).isFalse();
        }
    }

    @Nested
    class Grid003SpareCapacity {

        /** Up to 50 MW beyond the spare capacity is an upgrade of months (GRID-010), not the queue. */
        @ParameterizedTest(name = "spare {0} MW against a design-hour load of about 55 MW: wall {1}")
        @CsvSource({"0, true", "4, true", "6, false", "54, false", "56, false", "500, false"})
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
            LocalDate ready = Calc.plusMonths(DEFAULT_DECISION, fact("grid.large_load_study_months")
                    + fact("grid.queue_wait_months." + region) * fact("grid.flexible_wait_share"));
            double perQuarter = fact("grid.energize_mw_per_year." + region) * fact("grid.site_share_of_energizations") / 4;
            double quarters = Math.max(1, Math.ceil(a.demand().get(0).facilityMw() / perQuarter - 1e-9));
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(ready, 3 * (quarters - 1)))
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
                assertThat(n.text()).contains("US-VA").contains("a request in 2034").contains("Aug 2024");
            });
        }

        @Test
        void aRequestNowGetsNoNote() {
            assertThat(analyze(plan("US-VA", Power.GRID).phase("2028-06-30", 100_000)).notes())
                    .noneMatch(n -> n.ruleId().equals("GRID-009"));
        }
    }

    @Nested
    class Grid010ServiceUpgrade {

        /** Before, 2 MW more on a 60 MW site waited 67 months in the large-load queue. */
        @Test
        void twoMegawattsMoreOnAnExistingServiceIsAnUpgradeOfMonths() {
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2026-12-31", 22_500).with("existingPowerMW", 60));
            assertThat(a.demand().get(0).facilityMw()).isBetween(61.0, 63.0);
            assertThat(a.rulesFired()).contains("GRID-010").doesNotContain("GRID-002");
            assertThat(hasWall(a, GRID)).isFalse();
            LocalDate upgraded = Calc.plusMonths(DEFAULT_DECISION, fact("grid.service_upgrade_months"));
            assertThat(allowedOn(a, GRID, upgraded.minusDays(1))).isEqualTo(60);
            assertThat(allowedOn(a, GRID, upgraded)).isGreaterThanOrEqualTo(a.demand().get(0).facilityMw());
        }

        @Test
        void moreThanAnUpgradeGoesToTheQueue() {
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2026-12-31", 60_000).with("existingPowerMW", 60));
            assertThat(a.demand().get(0).facilityMw() - 60).isGreaterThan(fact("grid.service_upgrade_max_mw"));
            assertThat(a.rulesFired()).contains("GRID-002").doesNotContain("GRID-010");
        }
    }

    @Nested
    class Grid011MemphisSiteCap {

        /** MLGW refused a 1.1 GW load: a third of its peak is more than one site gets, at any date. */
        @Test
        void aGigawattInMemphisNeverGetsItsGrid() {
            Analysis a = analyze(plan("US-TN", Power.GRID).phase("2029-12-31", 400_000));
            assertThat(a.demand().get(0).facilityMw()).isGreaterThan(fact("grid.site_cap_mw.US-TN"));
            assertThat(a.rulesFired()).contains("GRID-011");
            assertThat(wall(a, GRID).openEnded()).isTrue();
        }

        @Test
        void aSiteWithinTheCapIsServed() {
            Analysis a = analyze(plan("US-TN", Power.GRID).phase("2030-12-31", 50_000));
            assertThat(a.demand().get(0).facilityMw()).isLessThan(fact("grid.site_cap_mw.US-TN"));
            assertThat(hasWall(a, GRID)).isFalse();
        }
    }

    @Nested
    class Grid012Bridge {

        /** Abilene, Colossus 1 and 2 ran on on-site generation until the grid came. */
        @Test
        void trailerTurbinesCarryTheLoadUntilTheGridArrivesThenHandOver() {
            Analysis bare = analyze(plan("US-TX", Power.GRID).decided("2025-01-15").phase("2025-12-31", 50_000));
            Analysis bridged = analyze(plan("US-TX", Power.GRID).decided("2025-01-15").phase("2025-12-31", 50_000)
                    .with("bridgeGeneration", "MOBILE_TURBINE"));
            assertThat(hasWall(bare, GRID)).isTrue();
            assertThat(bridged.rulesFired()).contains("GRID-012");
            assertThat(hasWall(bridged, GRID)).isFalse();
            LocalDate running = Calc.plusMonths(LocalDate.of(2025, 1, 15), fact("turbine.mobile_turbine.deploy_months"));
            assertThat(allowedOn(bridged, GRID, running.minusDays(1))).isZero();
            assertThat(allowedOn(bridged, GRID, running)).isEqualTo(bridged.demand().get(0).facilityMw());
            assertThat(bridged.notes()).anySatisfy(n -> assertThat(n.text()).contains("trailer-mounted turbines")
                    .contains("then the grid takes over").contains("before EPA's 2026 turbine rule"));
        }

        /** Since EPA's January 2026 rule, temporary turbines need their air permit before they run. */
        @Test
        void sinceTheTwentyTwentySixRuleTheBridgeWaitsForItsAirPermit() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2027-12-31", 50_000).with("bridgeGeneration", "MOBILE_TURBINE"));
            LocalDate permitted = Calc.plusMonths(DEFAULT_DECISION, fact("permits.air_permit_months.standard"));
            assertThat(allowedOn(a, GRID, permitted.minusDays(1))).isZero();
            assertThat(allowedOn(a, GRID, permitted)).isPositive();
            assertThat(a.notes()).anySatisfy(n -> assertThat(n.text()).contains("after its air permit"));
        }

        /** One buyer gets part of the rental fleet: a bridge bigger than that is cut, and says so. */
        @Test
        void aBridgeBiggerThanTheFleetIsCut() {
            Analysis a = analyze(plan("US-TX", Power.GRID).decided("2025-01-15").phase("2025-12-31", 400_000)
                    .with("bridgeGeneration", "MOBILE_TURBINE"));
            double most = fact("turbine.mobile_turbine.rental_fleet_gw", LocalDate.of(2025, 1, 15)) * 1000
                    * fact("turbine.mobile_turbine.rental_share");
            LocalDate running = Calc.plusMonths(LocalDate.of(2025, 1, 15), fact("turbine.mobile_turbine.deploy_months"));
            assertThat(allowedOn(a, GRID, running)).isEqualTo(most);
            assertThat(a.notes()).anySatisfy(n -> assertThat(n.text()).contains("were asked, but one buyer gets about"));
            assertThat(hasWall(a, GRID)).isTrue();
        }

        @Test
        void fuelCellsNeedNoAirPermitAndFeedTheMediumVoltageBus() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2026-12-31", 30_000).with("bridgeGeneration", "FUEL_CELL"));
            LocalDate running = Calc.plusMonths(DEFAULT_DECISION, fact("turbine.fuel_cell.deploy_months"));
            assertThat(allowedOn(a, GRID, running)).isEqualTo(a.demand().get(0).facilityMw());
            assertThat(a.notes()).anySatisfy(n -> assertThat(n.text()).contains("fuel cells").doesNotContain("air permit"));
            // Its own transformers feed the campus before the high-voltage ones come, once the distribution transformers are in.
            LocalDate distribution = Calc.plusMonths(DEFAULT_DECISION, fact("grid_equipment.distribution_transformer.lead_months"));
            assertThat(allowedOn(a, "ELECTRICAL_EQUIPMENT", distribution)).isGreaterThanOrEqualTo(a.demand().get(0).facilityMw());
        }
    }
}

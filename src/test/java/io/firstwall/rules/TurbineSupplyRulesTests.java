package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Need;
import io.firstwall.analysis.PhaseDemand;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/turbines/turbine_supply.drl */
class TurbineSupplyRulesTests {

    static final String TURBINES = "TURBINE_SUPPLY";

    static PlanBuilder gasCampus() {
        return plan("US-TX", Power.ONSITE_GAS).phase("2027-06-30", 330_000);
    }

    @Nested
    class Turb001Alone {

        static final PhaseDemand DEMAND = new PhaseDemand(1,
                LocalDate.of(2027, 6, 30), 330_000, 605, 774, 890, "DEMAND-004", "given", List.of("pue.ai_site"), "heavy_duty");

        @Test
        void givenAGasPlanAndItsDemandThisRuleAloneAsksForTheGenerationLoadInTurbines() {
            RuleVerifier.Outcome outcome = RuleVerifier.verifyThat("TURB-001").given(gasCampus().build(), DEMAND);
            assertThat(outcome.fired()).isEqualTo(1);
            assertThat(outcome.inserted(Need.class)).singleElement().satisfies(n -> {
                assertThat(n.factor()).isEqualTo(TURBINES);
                assertThat(n.amount()).isEqualTo(890);
                assertThat(n.ruleId()).isEqualTo("TURB-001");
            });
            assertThat(outcome.inserted()).hasSize(1);
        }

        @Test
        void givenAGridPlanItDoesNotFire() {
            assertThat(RuleVerifier.verifyThat("TURB-001").given(plan("US-TX", Power.GRID).phase("2027-06-30", 330_000)
                    .build(), DEMAND).fired()).isZero();
        }
    }

    @Nested
    class Turb001NeedsTurbines {

        @Test
        void onSiteGasNeedsItsGenerationLoadInTurbines() {
            Analysis a = analyze(gasCampus());
            assertThat(wall(a, TURBINES).needed()).isEqualTo(a.demand().get(0).generationMw());
        }

        @Test
        void aGridPlanNeedsNoTurbines() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2027-06-30", 330_000));
            assertThat(a.rulesFired()).doesNotContain("TURB-001", "TURB-002", "TURB-003", "TURB-004");
            assertThat(hasWall(a, TURBINES)).isFalse();
        }
    }

    @Nested
    class Turb002OpenMarket {

        static LocalDate openMarket(String decided, String kind) {
            return Calc.plusMonths(Calc.later(Calc.startOfYear(fact("turbine." + kind + ".next_slot_year")),
                    Calc.plusMonths(LocalDate.parse(decided), fact("turbine." + kind + ".lead_months"))),
                    fact("turbine.install_months"));
        }

        @Test
        void unreservedTurbinesWaitForTheLaterOfTheNextSlotAndTheirLeadTime() {
            Analysis a = analyze(gasCampus());
            Wall w = wall(a, TURBINES);
            long units = (long) Math.ceil(a.demand().get(0).generationMw() / fact("turbine.heavy_duty.unit_mw"));
            assertThat(w.explanation()).startsWith(units + " turbines of 430 MW for ")
                    .contains("next open slots (2029)").contains("48 months of lead time");
            assertThat(w.fullCapacityOn()).isEqualTo(openMarket("2026-01-15", "heavy_duty"));
        }

        /** The backlog is not a calendar year that passes: a plan decided in 2032 still waits four years for its frames. */
        @Test
        void aLateDecisionStillWaitsForTheLeadTime() {
            Analysis a = analyze(plan("US-TX", Power.ONSITE_GAS).decided("2032-01-15").phase("2033-06-30", 330_000));
            Wall w = wall(a, TURBINES);
            assertThat(w.fullCapacityOn()).isEqualTo(openMarket("2032-01-15", "heavy_duty"))
                    .isAfter(Calc.plusMonths(LocalDate.of(2032, 1, 15), fact("turbine.install_months") + 24));
        }

        /** Before, every unreserved plan waited for the castings' year, so the slot year and the turbine class never mattered. */
        @Test
        void aeroderivativesUseTheirOwnUnitSizeSlotAndLeadTime() {
            Wall frames = wall(analyze(gasCampus()), TURBINES);
            Wall aeros = wall(analyze(gasCampus().with("turbineType", "AERODERIVATIVE")), TURBINES);
            assertThat(aeros.explanation()).contains("turbines of 34 MW");
            assertThat(aeros.fullCapacityOn()).isEqualTo(openMarket("2026-01-15", "aeroderivative"))
                    .isBefore(frames.fullCapacityOn());
        }

        /** Reciprocating engines: about 18 months from order (Wartsila), no casting backlog, so they run years before frames. */
        @Test
        void gasEnginesComeInMonthsNotYears() {
            Analysis a = analyze(gasCampus().with("turbineType", "GAS_ENGINE"));
            Wall engines = wall(a, TURBINES);
            assertThat(engines.fullCapacityOn()).isEqualTo(openMarket("2026-01-15", "gas_engine"))
                    .isBefore(wall(analyze(gasCampus()), TURBINES).fullCapacityOn());
            assertThat(engines.explanation()).contains("gas engines of 18.3 MW");
            assertThat(a.notes()).noneMatch(n -> n.ruleId().equals("TURB-004"));
        }

        @Test
        void aReservationOfKnownSizeLeavesTheRestToTheOpenMarket() {
            Analysis a = analyze(gasCampus().with("turbineSlotReserved", true).with("turbineSlotYear", 2026)
                    .with("turbineSlotMW", 500));
            assertThat(a.rulesFired()).contains("TURB-002", "TURB-003");
            Wall w = wall(a, TURBINES);
            assertThat(w.fullCapacityOn()).isEqualTo(openMarket("2026-01-15", "heavy_duty"));
            assertThat(w.explanation()).containsIgnoringCase("beyond the 500 MW reserved");
        }

        @Test
        void doesNotFireForAReservationOfUnknownSize() {
            assertThat(analyze(gasCampus().with("turbineSlotReserved", true)).rulesFired()).doesNotContain("TURB-002");
        }
    }

    @Nested
    class Turb003ReservedSlot {

        @Test
        void aReservedSlotBringsTurbinesInItsYearPlusInstallation() {
            Analysis early = analyze(gasCampus().with("turbineSlotReserved", true).with("turbineSlotYear", 2026));
            assertThat(early.rulesFired()).contains("TURB-003");
            assertThat(hasWall(early, TURBINES)).isFalse();
            Wall late = wall(analyze(gasCampus().with("turbineSlotReserved", true).with("turbineSlotYear", 2028)), TURBINES);
            assertThat(late.fullCapacityOn()).isEqualTo(Calc.plusMonths(LocalDate.of(2028, 1, 1),
                    fact("turbine.install_months")));
            assertThat(late.explanation()).contains("slot reserved for 2028");
        }

        /** 20 GW on a 2026 slot of 2 GW: before, any reservation gave unlimited MW and the plan came out feasible. */
        @Test
        void aReservationCoversItsSizeOnly() {
            Analysis a = analyze(plan("US-TX", Power.ONSITE_GAS).phase("2027-12-31", 6_000_000)
                    .with("turbineSlotReserved", true).with("turbineSlotYear", 2026).with("turbineSlotMW", 2000));
            Wall w = wall(a, TURBINES);
            assertThat(w.needed()).isGreaterThan(20_000);
            assertThat(w.fullCapacityOn()).isAfter(LocalDate.of(2029, 1, 1));
        }

        @Test
        void doesNotFireWithoutAReservation() {
            assertThat(analyze(gasCampus()).rulesFired()).doesNotContain("TURB-003");
        }
    }

    @Nested
    class Turb004Castings {

        @Test
        void theCastingsExplainTheLeadTimeAndAreNotAddedToIt() {
            Analysis a = analyze(gasCampus());
            assertThat(a.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("TURB-004");
                assertThat(n.text()).contains("booked to about 2030").contains("not added");
            });
            Analysis later = AnalysisFixtures.ANALYZER.analyze(gasCampus().build(),
                    AnalysisFixtures.FACTS.withOverrides(Map.of("turbine.casting_backlog_year", 2040.0)));
            assertThat(wall(later, TURBINES).fullCapacityOn()).isEqualTo(wall(a, TURBINES).fullCapacityOn());
        }

        @Test
        void noNoteOnTheGrid() {
            assertThat(analyze(plan("US-TX", Power.GRID).phase("2027-06-30", 1000)).notes())
                    .noneMatch(n -> n.ruleId().equals("TURB-004"));
        }
    }

    @Nested
    class Turb005ReservationOfUnknownSize {

        @Test
        void aReservationWithoutItsSizeSaysItIsTakenAsTheWholePlan() {
            Analysis a = analyze(gasCampus().with("turbineSlotReserved", true));
            assertThat(a.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("TURB-005");
                assertThat(n.text()).contains("turbineSlotMW");
            });
        }

        @Test
        void noNoteWhenTheSizeIsGiven() {
            Analysis a = analyze(gasCampus().with("turbineSlotReserved", true).with("turbineSlotMW", 500));
            assertThat(a.notes()).noneMatch(n -> n.ruleId().equals("TURB-005"));
        }
    }
}

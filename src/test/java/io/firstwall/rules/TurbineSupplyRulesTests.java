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
    class Turb002OemSlots {

        @Test
        void unreservedTurbinesCountUnitsAndWaitForTheNextSlot() {
            Analysis a = AnalysisFixtures.ANALYZER.analyze(gasCampus().build(),
                    AnalysisFixtures.FACTS.withOverrides(Map.of("turbine.casting_backlog_year", 2026.0)));
            Wall w = wall(a, TURBINES);
            long units = (long) Math.ceil(a.demand().get(0).generationMw() / fact("turbine.heavy_duty.unit_mw"));
            assertThat(w.explanation()).startsWith(units + " turbines of 430 MW for ")
                    .contains("get OEM slots in 2029");
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(LocalDate.of(2029, 1, 1),
                    fact("turbine.install_months")));
        }

        @Test
        void aeroderivativesUseTheirOwnUnitSizeAndWindow() {
            Analysis a = analyze(gasCampus().with("turbineType", "AERODERIVATIVE").with("turbineSlotReserved", true));
            assertThat(wall(a, TURBINES).explanation()).contains("turbines of 34 MW");
        }

        @Test
        void doesNotFireForAReservedSlot() {
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

        @Test
        void doesNotFireWithoutAReservation() {
            assertThat(analyze(gasCampus()).rulesFired()).doesNotContain("TURB-003");
        }
    }

    @Nested
    class Turb004Castings {

        @Test
        void unreservedTurbinesWaitForTheCastingBacklog() {
            Wall w = wall(analyze(gasCampus()), TURBINES);
            LocalDate expected = Calc.plusMonths(Calc.startOfYear(fact("turbine.casting_backlog_year")),
                    fact("turbine.install_months"));
            assertThat(w.fullCapacityOn()).isEqualTo(expected);
            assertThat(w.explanation()).contains("casting foundries booked to 2030");
            assertThat(w.factIds()).contains("turbine.casting_backlog_year");
        }

        @Test
        void aReservedSlotComesWithItsCastings() {
            assertThat(analyze(gasCampus().with("turbineSlotReserved", true)).rulesFired()).doesNotContain("TURB-004");
        }
    }
}

package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.FACTS;
import static io.firstwall.analysis.AnalysisFixtures.RULES;
import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Format;
import io.firstwall.analysis.Need;
import io.firstwall.analysis.PhaseDemand;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.plan.Power;

/** rules/turbines/turbine_supply.drl */
class TurbineSupplyRulesTests {

    static final String TURBINES = "TURBINE_SUPPLY";

    /** 914 MW at the design hour on heavy frames (without a type, a campus under three frames buys gas engines). */
    static PlanBuilder gasCampus() {
        return plan("US-TX", Power.ONSITE_GAS).phase("2027-06-30", 330_000).with("turbineType", "HEAVY_DUTY");
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

        /** The first open-market batch runs: the later of the next open slot and the lead time, plus installation. */
        static LocalDate openMarket(String decided, String kind) {
            LocalDate d = LocalDate.parse(decided);
            return Calc.plusMonths(Calc.later(Calc.startOfYear(fact("turbine." + kind + ".next_slot_year", d)),
                    Calc.plusMonths(d, fact("turbine." + kind + ".lead_months", d))), fact("turbine.install_months"));
        }

        static double perQuarter(String kind) {
            return fact("turbine." + kind + ".output_gw_per_year") * 1000 / 4 * fact("turbine." + kind + ".buyer_share");
        }

        /** The last batch: one a quarter from the first, each the buyer's share of a quarter's output. */
        static LocalDate full(String decided, String kind, double mw, double reserved) {
            long batches = (long) Math.ceil((mw - reserved) / perQuarter(kind) - 1e-9);
            return openMarket(decided, kind).plusMonths(3 * (batches - 1));
        }

        @Test
        void unreservedTurbinesWaitForTheNextSlotAndTheLeadTimeThenComeAtTheBuyersShareOfOutput() {
            Analysis a = analyze(gasCampus());
            Wall w = wall(a, TURBINES);
            double mw = a.demand().get(0).generationMw();
            long units = (long) Math.ceil(mw / fact("turbine.heavy_duty.unit_mw"));
            assertThat(w.explanation()).startsWith(units + " turbines of 430 MW for ")
                    .contains("next open slots (2029)").contains("48 months of lead time").contains("5% of the 65 GW");
            assertThat(w.fullCapacityOn()).isEqualTo(full("2026-01-15", "heavy_duty", mw, 0))
                    .isAfter(openMarket("2026-01-15", "heavy_duty"));
        }

        /** Before, the open market gave unlimited MW on one date: 20 GW of turbines came as soon as 1 GW. */
        @Test
        void theMegawattsMatter() {
            Wall one = wall(analyze(gasCampus()), TURBINES);
            Analysis twenty = analyze(plan("US-TX", Power.ONSITE_GAS).phase("2027-06-30", 6_000_000).with("turbineType", "HEAVY_DUTY"));
            Wall big = wall(twenty, TURBINES);
            assertThat(big.fullCapacityOn()).isEqualTo(full("2026-01-15", "heavy_duty", twenty.demand().get(0).generationMw(), 0))
                    .isAfter(one.fullCapacityOn().plusYears(3));
        }

        @Test
        void aLargerShareOfTheMakersOutputComesSooner() {
            Wall usual = wall(analyze(plan("US-TX", Power.ONSITE_GAS).phase("2027-06-30", 3_000_000)), TURBINES);
            Wall half = wall(analyze(plan("US-TX", Power.ONSITE_GAS).phase("2027-06-30", 3_000_000).with("turbineShare", 0.5)),
                    TURBINES);
            assertThat(half.fullCapacityOn()).isBefore(usual.fullCapacityOn());
            assertThat(half.explanation()).contains("50% of the 65 GW");
        }

        /** The backlog is not a calendar year that passes: a plan decided in 2032 still waits four years for its frames. */
        @Test
        void aLateDecisionStillWaitsForTheLeadTime() {
            Analysis a = analyze(plan("US-TX", Power.ONSITE_GAS).decided("2032-01-15").phase("2033-06-30", 330_000)
                    .with("turbineType", "HEAVY_DUTY"));
            Wall w = wall(a, TURBINES);
            assertThat(w.fullCapacityOn()).isEqualTo(full("2032-01-15", "heavy_duty", a.demand().get(0).generationMw(), 0))
                    .isAfter(Calc.plusMonths(LocalDate.of(2032, 1, 15), fact("turbine.install_months") + 24));
        }

        /** Before, every unreserved plan waited for the castings' year, so the slot year and the turbine class never mattered. */
        @Test
        void aeroderivativesUseTheirOwnUnitSizeSlotLeadTimeAndOutput() {
            Wall frames = wall(analyze(gasCampus()), TURBINES);
            Analysis a = analyze(gasCampus().with("turbineType", "AERODERIVATIVE"));
            Wall aeros = wall(a, TURBINES);
            assertThat(aeros.explanation()).contains("turbines of 34 MW").contains("of the 8 GW");
            assertThat(aeros.fullCapacityOn()).isEqualTo(full("2026-01-15", "aeroderivative", a.demand().get(0).generationMw(), 0));
            assertThat(openMarket("2026-01-15", "aeroderivative")).isBefore(openMarket("2026-01-15", "heavy_duty"));
            assertThat(frames.fullCapacityOn()).isNotNull();
        }

        /** The makers' output is a series read when the turbines are delivered: engines delivered from 2030 come twice as fast. */
        @Test
        void theMakersOutputIsReadWhenTheTurbinesAreDelivered() {
            double before = io.firstwall.analysis.AnalysisFixtures.FACTS.at("turbine.gas_engine.output_gw_per_year",
                    LocalDate.of(2029, 6, 1)).value();
            double after = io.firstwall.analysis.AnalysisFixtures.FACTS.at("turbine.gas_engine.output_gw_per_year",
                    LocalDate.of(2030, 6, 1)).value();
            assertThat(after).isGreaterThan(before);
            Wall early = wall(analyze(plan("US-OH", Power.ONSITE_GAS).decided("2026-01-15").phase("2027-06-30", 1_000_000)
                    .with("turbineType", "GAS_ENGINE")), TURBINES);
            Wall late = wall(analyze(plan("US-OH", Power.ONSITE_GAS).decided("2030-01-15").phase("2031-06-30", 1_000_000)
                    .with("turbineType", "GAS_ENGINE")), TURBINES);
            assertThat(early.explanation()).contains("% of the " + Format.num(before) + " GW the makers build a year from 2027");
            assertThat(late.explanation()).contains("% of the " + Format.num(after) + " GW the makers build a year from 2031");
            assertThat(late.factIds()).contains("turbine.gas_engine.output_gw_per_year@2030-01-01");
        }

        /** Reciprocating engines: about 18 months from order (Wartsila), no casting backlog, so they run years before frames. */
        @Test
        void gasEnginesComeInMonthsNotYears() {
            Analysis a = analyze(gasCampus().with("turbineType", "GAS_ENGINE"));
            Wall engines = wall(a, TURBINES);
            assertThat(engines.fullCapacityOn()).isEqualTo(full("2026-01-15", "gas_engine", a.demand().get(0).generationMw(), 0))
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
            assertThat(w.fullCapacityOn()).isEqualTo(full("2026-01-15", "heavy_duty", a.demand().get(0).generationMw(), 500));
            assertThat(w.explanation()).containsIgnoringCase("beyond the 500 MW reserved");
        }

        @Test
        void doesNotFireForAReservationOfUnknownSize() {
            assertThat(analyze(gasCampus().with("turbineSlotReserved", true)).rulesFired()).doesNotContain("TURB-002");
        }

        @Test
        void doesNotFireForFuelCellsOrTrailerTurbines() {
            assertThat(analyze(gasCampus().with("turbineType", "FUEL_CELL")).rulesFired()).doesNotContain("TURB-002");
            assertThat(analyze(gasCampus().with("turbineType", "MOBILE_TURBINE")).rulesFired()).doesNotContain("TURB-002");
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
    class ReservationHasASize {

        /** Before, a reservation without turbineSlotMW covered the whole plan at once: 10.75 GW of frames in January 2027. */
        @Test
        void aReservationWithoutItsSizeIsRefusedInWords() {
            String plan = """
                    {"name": "x", "location": "US-TX", "power": "ONSITE_GAS", "accelerator": "GB300",
                     "decisionDate": "2026-01-15", "phases": [ {"online": "2027-06-30", "accelerators": 100000} ],
                     "attributes": { "turbineSlotReserved": true, "turbineSlotYear": 2026 }}""";
            assertThatThrownBy(() -> new PlanReader(FACTS, RULES.attributes()).read(plan))
                    .isInstanceOf(InvalidPlanException.class)
                    .hasMessageContaining("attributes.turbineSlotMW").hasMessageContaining("a reservation has a size");
            assertThatThrownBy(() -> new PlanReader(FACTS, RULES.attributes()).read(plan.replace("\"turbineSlotYear\": 2026",
                    "\"turbineSlotYear\": 2026, \"turbineSlotMW\": 0"))).hasMessageContaining("attributes.turbineSlotMW");
        }

        @Test
        void aReservationWithItsSizeReads() throws Exception {
            Plan p = new PlanReader(FACTS, RULES.attributes()).read("""
                    {"name": "x", "location": "US-TX", "power": "ONSITE_GAS", "accelerator": "GB300",
                     "decisionDate": "2026-01-15", "phases": [ {"online": "2027-06-30", "accelerators": 100000} ],
                     "attributes": { "turbineSlotReserved": true, "turbineSlotYear": 2026, "turbineSlotMW": 500 }}""");
            assertThat(p.number("turbineSlotMW", 0)).isEqualTo(500);
        }
    }

    @Nested
    class Turb006FuelCells {

        @Test
        void fuelCellsRunWithinMonthsThenAtTheBuyersShareOfBloomsOutput() {
            Analysis a = analyze(gasCampus().with("turbineType", "FUEL_CELL"));
            assertThat(a.rulesFired()).contains("TURB-006");
            double mw = a.demand().get(0).generationMw();
            double perQuarter = fact("turbine.fuel_cell.output_gw_per_year") * 1000 / 4 * fact("turbine.fuel_cell.buyer_share");
            LocalDate first = Calc.plusMonths(LocalDate.of(2026, 1, 15), fact("turbine.fuel_cell.deploy_months"));
            Wall w = wall(a, TURBINES);
            assertThat(w.fullCapacityOn()).isEqualTo(first.plusMonths(3 * ((long) Math.ceil(mw / perQuarter - 1e-9) - 1)));
            assertThat(w.explanation()).contains("fuel-cell modules of 65 kW").contains("installation included");
            assertThat(a.demand().get(0).generator()).isEqualTo("fuel_cell");
            assertThat(a.notes()).noneMatch(n -> n.ruleId().equals("TURB-004"));
        }

        @Test
        void aSmallFuelCellPlanRunsOnTime() {
            Analysis a = analyze(plan("US-TX", Power.ONSITE_GAS).phase("2027-06-30", 10_000).with("turbineType", "FUEL_CELL"));
            assertThat(hasWall(a, TURBINES)).isFalse();
        }

        @Test
        void doesNotFireForTurbines() {
            assertThat(analyze(gasCampus()).rulesFired()).doesNotContain("TURB-006");
        }
    }

    @Nested
    class Turb007TrailerTurbines {

        @Test
        void aRentalFleetRunsPartOfTheLoadWithinMonthsAndTheRestWaitsForNewEngines() {
            Analysis a = analyze(gasCampus().with("turbineType", "MOBILE_TURBINE"));
            assertThat(a.rulesFired()).contains("TURB-007");
            double rented = fact("turbine.mobile_turbine.rental_fleet_gw") * 1000 * fact("turbine.mobile_turbine.rental_share");
            Wall w = wall(a, TURBINES);
            assertThat(w.explanation()).contains(Format.num(rented) + " MW can be rented").contains("aeroderivative engines");
            double mw = a.demand().get(0).generationMw();
            assertThat(mw).isGreaterThan(rented);
            LocalDate built = Calc.plusMonths(Calc.later(Calc.startOfYear(fact("turbine.aeroderivative.next_slot_year")),
                    Calc.plusMonths(LocalDate.of(2026, 1, 15), fact("turbine.aeroderivative.lead_months"))),
                    fact("turbine.mobile_turbine.deploy_months"));
            long batches = (long) Math.ceil((mw - rented) / Turb002OpenMarket.perQuarter("aeroderivative") - 1e-9);
            assertThat(w.fullCapacityOn()).isEqualTo(built.plusMonths(3 * (batches - 1)));
        }

        @Test
        void aLoadTheFleetCanCarryRunsWithinMonths() {
            Analysis a = analyze(plan("US-TX", Power.ONSITE_GAS).decided("2026-01-15").phase("2026-06-30", 60_000)
                    .with("turbineType", "MOBILE_TURBINE"));
            assertThat(hasWall(a, TURBINES)).isFalse();
        }

        @Test
        void doesNotFireForFrames() {
            assertThat(analyze(gasCampus()).rulesFired()).doesNotContain("TURB-007");
        }
    }

    @Nested
    class Turb008TrailerTurbinesNeedPermits {

        @Test
        void trailerTurbinesCarryTheNoteOnEpasRule() {
            Analysis a = analyze(gasCampus().with("turbineType", "MOBILE_TURBINE"));
            assertThat(a.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("TURB-008");
                assertThat(n.text()).contains("Jan 2026").contains("same air permit");
            });
        }

        @Test
        void noNoteForFrames() {
            assertThat(analyze(gasCampus()).notes()).noneMatch(n -> n.ruleId().equals("TURB-008"));
        }
    }

    @Nested
    class Turb009OldFigures {

        @Test
        void aDecisionYearsAfterTheFiguresSaysTheyAreAssumedToHold() {
            Analysis late = analyze(gasCampus().decided("2034-01-15").phase("2036-06-30", 330_000));
            assertThat(late.notes()).anySatisfy(n -> {
                assertThat(n.ruleId()).isEqualTo("TURB-009");
                assertThat(n.text()).contains("a decision in 2034").contains("figures of Jan 2025");
            });
        }

        @Test
        void aDecisionSoonAfterTheFiguresGetsNoNote() {
            assertThat(analyze(gasCampus()).notes()).noneMatch(n -> n.ruleId().equals("TURB-009"));
        }
    }
}

package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/chips/chip_supply.drl */
class ChipSupplyRulesTests {

    static final String CHIPS = "CHIP_SUPPLY";

    static double perQuarter(String accelerator) {
        return fact("chip.cowos_wafers_per_month") * 3 * fact("chip.nvidia_cowos_share")
                * fact("accelerator." + accelerator + ".per_cowos_wafer") * fact("chip.buyer_share");
    }

    static PlanBuilder secured() {
        return plan("US-VA", Power.GRID).with("existingPowerMW", 100_000).with("existingBuilding", true)
                .with("hbmAllocationSecured", true);
    }

    @Nested
    class Chip001Need {

        @Test
        void eachPhaseNeedsItsAccelerators() {
            Wall w = wall(analyze(secured().phase("2026-06-30", 1000)), CHIPS);
            assertThat(w.needed()).isEqualTo(1000);
            assertThat(w.unit()).isEqualTo("accelerators");
        }

        @Test
        void aPhaseWithinDeliveriesHasNoWall() {
            assertThat(hasWall(analyze(secured().phase("2027-06-30", 1000)), CHIPS)).isFalse();
        }
    }

    @Nested
    class Chip002QuarterlyRamp {

        @ParameterizedTest(name = "{0} accelerators by end-2027 (quarterly ramp from Jul 2026): wall {1}")
        @CsvSource({"1.0, false", "1.01, true"})
        void deliveriesRampEachQuarter(double shareOfFiveQuarters, boolean wall) {
            long asked = Math.round(5 * perQuarter("GB300") * shareOfFiveQuarters);
            assertThat(hasWall(analyze(secured().phase("2027-12-31", asked)), CHIPS)).isEqualTo(wall);
        }

        @Test
        void theSentenceGivesTheQuarterlyRate() {
            Wall w = wall(analyze(secured().phase("2027-12-31", 3_000_000)), CHIPS);
            assertThat(w.explanation()).contains("157,500 accelerators a quarter");
            assertThat(perQuarter("GB300")).isCloseTo(157_500, within(0.5));
        }

        @Test
        void aLargerBuyerShareMovesTheWall() {
            Wall base = wall(analyze(secured().phase("2027-12-31", 3_000_000)), CHIPS);
            Wall larger = wall(analyze(secured().phase("2027-12-31", 3_000_000).with("chipShare", 0.1)), CHIPS);
            assertThat(larger.fullCapacityOn()).isBefore(base.fullCapacityOn());
        }

        @Test
        void smallerH100PackagesComeFaster() {
            assertThat(perQuarter("H100")).isGreaterThan(perQuarter("GB300"));
            Wall h100 = wall(analyze(secured().accelerator("H100").phase("2027-12-31", 3_000_000)), CHIPS);
            Wall gb300 = wall(analyze(secured().phase("2027-12-31", 3_000_000)), CHIPS);
            assertThat(h100.fullCapacityOn()).isBefore(gb300.fullCapacityOn());
        }
    }
}

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

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/launch/launch_capacity.drl */
class LaunchCapacityRulesTests {

    static final String LAUNCH = "LAUNCH_CAPACITY";

    static PlanBuilder orbital() {
        return plan("LEO", Power.SPACE_SOLAR).decided("2026-01-15").with("galliumSource", "NON_CN")
                .with("hbmAllocationSecured", true);
    }

    static double licensedTonnesPerQuarter() {
        return fact("launch.licensed_per_year") * fact("launch.buyer_share_licensed") * fact("launch.payload_t") / 4;
    }

    @Nested
    class Launch001Mass {

        @Test
        void aPhaseNeedsItsItLoadTimesMassPerKilowatt() {
            Analysis a = analyze(orbital().phase("2027-03-31", 100_000));
            assertThat(wall(a, LAUNCH).needed()).isCloseTo(a.demand().get(0).itMw() * fact("launch.mass_kg_per_kw_it"),
                    within(0.01));
            assertThat(wall(a, LAUNCH).unit()).isEqualTo("t to orbit");
        }

        @Test
        void aGroundPlanLaunchesNothing() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2030-01-01", 1000));
            assertThat(a.rulesFired()).doesNotContain("LAUNCH-001", "LAUNCH-002");
            assertThat(hasWall(a, LAUNCH)).isFalse();
        }
    }

    @Nested
    class Launch002Cadence {

        @Test
        void theLicensedCadenceLiftsAFewHundredTonnesAQuarter() {
            double perAccelerator = fact("accelerator.GB300.it_w") / 1e6 * fact("launch.mass_kg_per_kw_it");
            long fitsInFourQuarters = (long) Math.floor(4 * licensedTonnesPerQuarter() / perAccelerator);
            assertThat(hasWall(analyze(orbital().phase("2028-01-20", fitsInFourQuarters)), LAUNCH)).isFalse();
            assertThat(hasWall(analyze(orbital().phase("2028-01-20", fitsInFourQuarters + 100)), LAUNCH)).isTrue();
        }

        @Test
        void theFleetCadenceLiftsAGigawattWithinYears() {
            Wall w = wall(analyze(orbital().phase("2029-12-31", 500_000)), LAUNCH);
            assertThat(w.slipMonths()).isNotNull().isBetween(1, 36);
            assertThat(w.explanation()).contains("licensed launches").contains("fleet cadence");
        }
    }
}

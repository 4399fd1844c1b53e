package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.PhaseDemand;
import io.firstwall.plan.Power;

/** rules/demand/demand.drl */
class DemandRulesTests {

    @Nested
    class Demand001OnTheGround {

        @Test
        void aGigawattOfGb300AtAHotSiteNeedsAboutOneGigawattOfGeneration() {
            Analysis a = analyze(plan("US-TN", Power.ONSITE_GAS).phase("2030-01-01", 330_000));
            PhaseDemand d = a.demand().get(0);
            double it = 330_000 * fact("accelerator.GB300.it_w") / 1e6;
            double pue = 1 + (fact("pue.ai_site") - 1) * (1 + fact("cooling.hot_climate_uplift"));
            assertThat(d.ruleId()).isEqualTo("DEMAND-001");
            assertThat(d.itMw()).isCloseTo(it, within(0.01));
            assertThat(d.facilityMw()).isCloseTo(it * pue, within(0.01));
            assertThat(d.generationMw()).isCloseTo(it * pue * (1 + fact("power.reserve_margin")), within(0.01));
            assertThat(d.generationMw()).isBetween(800.0, 1300.0);
            assertThat(d.explanation()).contains("330,000 accelerators x 1,833 W = 605 MW IT").contains("hot climate");
            assertThat(d.factIds()).contains("cooling.hot_climate_uplift");
        }

        @Test
        void aTemperateSiteHasNoCoolingUplift() {
            PhaseDemand d = analyze(plan("US-VA", Power.GRID).phase("2030-01-01", 100_000)).demand().get(0);
            assertThat(d.facilityMw()).isCloseTo(d.itMw() * fact("pue.ai_site"), within(0.01));
            assertThat(d.factIds()).doesNotContain("cooling.hot_climate_uplift");
        }

        @Test
        void doesNotFireInOrbit() {
            assertThat(analyze(plan("LEO", Power.SPACE_SOLAR).phase("2030-01-01", 1000)).rulesFired())
                    .doesNotContain("DEMAND-001");
        }
    }

    @Nested
    class Demand002SolarPlusStorage {

        @Test
        void panelsAreTheLoadWithReserveOverTheCapacityFactor() {
            Analysis a = analyze(plan("US-AZ", Power.SOLAR_STORAGE).phase("2030-01-01", 10_000));
            PhaseDemand d = a.demand().get(0);
            assertThat(d.ruleId()).isEqualTo("DEMAND-002");
            assertThat(d.generationMw()).isCloseTo(
                    d.facilityMw() * (1 + fact("power.reserve_margin")) / fact("solar.capacity_factor.US-AZ"),
                    within(0.01));
        }

        @Test
        void doesNotFireForGrid() {
            assertThat(analyze(plan("US-AZ", Power.GRID).phase("2030-01-01", 10_000)).rulesFired())
                    .doesNotContain("DEMAND-002");
        }
    }

    @Nested
    class Demand003InOrbit {

        @Test
        void theArrayIsSizedToTheFacilityLoad() {
            PhaseDemand d = analyze(plan("LEO", Power.SPACE_SOLAR).phase("2030-01-01", 10_000)).demand().get(0);
            assertThat(d.ruleId()).isEqualTo("DEMAND-003");
            assertThat(d.facilityMw()).isCloseTo(d.itMw() * fact("pue.space"), within(0.01));
            assertThat(d.generationMw()).isEqualTo(d.facilityMw());
        }

        @Test
        void doesNotFireOnTheGround() {
            assertThat(analyze(plan("US-TX", Power.GRID).phase("2030-01-01", 10_000)).rulesFired())
                    .doesNotContain("DEMAND-003");
        }
    }

    @Test
    void everyPhaseGetsItsDemand() {
        Analysis a = analyze(plan("US-TX", Power.GRID).phase("2029-01-01", 1000).phase("2030-01-01", 3000));
        assertThat(a.demand()).extracting(PhaseDemand::phase).containsExactly(1, 2);
        assertThat(a.demand().get(1).itMw()).isCloseTo(3 * a.demand().get(0).itMw(), within(0.01));
    }
}

package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.ANALYZER;
import static io.firstwall.analysis.AnalysisFixtures.FACTS;
import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firstwall.analysis.Analysis;
import io.firstwall.facts.FactBase;
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

    /** The fact base with more flights flown than licensed at every date, so that the licences alone bind. */
    static final FactBase LICENCES_ONLY = FACTS.withOverrides(java.util.Map.of("launch.flown_per_year", 1000.0));

    static Analysis licensed(PlanBuilder plan) {
        return ANALYZER.analyze(plan.build(), LICENCES_ONLY);
    }

    static double at(String id, String date) {
        return FACTS.at(id, LocalDate.parse(date)).value();
    }

    static double licensedTonnesPerMonth(String date) {
        double launches = at("launch.licensed_per_year.starbase", date) + at("launch.licensed_per_year.lc39a", date)
                + at("launch.licensed_per_year.slc37", date);
        return launches / 12 * fact("launch.buyer_share_licensed") * at("launch.payload_t", date);
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
    class Launch002Licences {

        @ParameterizedTest(name = "{0} of a month''s licensed tonnes in the first month: wall {1}")
        @CsvSource({"0.99, false", "1.01, true"})
        void theFirstMonthLiftsTheBuyersShareOfLicensedLaunches(double ofAMonth, boolean wall) {
            // Decided 2026-01-15, satellites ready 12 months later: Starbase 25 and LC-39A 44 a year, V3 at 100 t.
            double perAccelerator = fact("accelerator.GB300.it_w") / 1e6 * fact("launch.mass_kg_per_kw_it");
            long accelerators = (long) Math.floor(licensedTonnesPerMonth("2027-01-15") * ofAMonth / perAccelerator);
            assertThat(hasWall(licensed(orbital().phase("2027-02-15", accelerators)), LAUNCH)).isEqualTo(wall);
        }

        @Test
        void satellitesReadyAfterTheFloridaLicencesLiftMoreEachMonth() {
            // Ready in Jan 2027: Starbase and LC-39A on V3. Ready in Jan 2028: all three sites on V4, about 4x a month.
            double before = licensedTonnesPerMonth("2027-01-15");
            double after = licensedTonnesPerMonth("2028-01-15");
            double perAccelerator = fact("accelerator.GB300.it_w") / 1e6 * fact("launch.mass_kg_per_kw_it");
            long between = (long) Math.floor((before + after) / 2 / perAccelerator);
            assertThat(hasWall(licensed(orbital().phase("2027-02-15", between)), LAUNCH)).isTrue();
            assertThat(hasWall(licensed(orbital().decided("2027-01-15").phase("2028-02-15", between)), LAUNCH)).isFalse();
        }

        @Test
        void aGigawattInOrbitWaitsYearsForLicensedLaunches() {
            // 1 GW of IT at 25 kg/kW is 25,000 t; the buyer's half of licensed launches lifts about 5,000 t in 2027
            // and 14,500 t a year from 2028 (145 launches at 200 t), so the array is up in 2029, not by end-2028.
            Wall w = wall(licensed(orbital().phase("2028-12-31", 470_000)), LAUNCH);
            assertThat(w.needed()).isCloseTo(470_000 * fact("accelerator.GB300.it_w") / 1e6 * fact("launch.mass_kg_per_kw_it"),
                    within(1.0));
            assertThat(w.slipMonths()).isNotNull().isBetween(3, 8);
            assertThat(w.explanation()).contains("launches licensed each year").contains("Starbase, LC-39A and SLC-37")
                    .contains("145 once every approved site is licensed");
        }

        @Test
        void spaceXsTenKilogramsPerKilowattIsTheLowEndOfTheMassRange() {
            assertThat(FACTS.get("launch.mass_kg_per_kw_it").low()).isEqualTo(10.0);
            assertThat(FACTS.get("launch.mass_kg_per_kw_it").high()).isEqualTo(51.0);
            Analysis light = ANALYZER.analyze(orbital().phase("2028-12-31", 470_000).build(),
                    LICENCES_ONLY.withOverrides(java.util.Map.of("launch.mass_kg_per_kw_it", 10.0)));
            assertThat(hasWall(light, LAUNCH)).isFalse();
        }
    }

    @Nested
    class Launch003FlightsFlown {

        /** Before, launch capacity was the launches licensed: 25 at Starbase in 2025, when 5 flew. */
        @Test
        void theFlightsFlownBindBeforeTheLicences() {
            Analysis a = analyze(orbital().phase("2028-12-31", 470_000));
            Wall w = wall(a, LAUNCH);
            assertThat(w.explanation()).contains("flights actually flown").contains("5 were flown in 2025 against 25 licensed");
            assertThat(w.fullCapacityOn()).isAfter(wall(licensed(orbital().phase("2028-12-31", 470_000)), LAUNCH)
                    .fullCapacityOn());
            assertThat(fact("launch.flown_per_year", LocalDate.of(2025, 6, 1)))
                    .isLessThan(fact("launch.licensed_per_year.starbase", LocalDate.of(2025, 6, 1)));
        }

        @Test
        void moreFlightsThanLicencesStillWaitForTheLicences() {
            Wall w = wall(licensed(orbital().phase("2028-12-31", 470_000)), LAUNCH);
            assertThat(w.explanation()).contains("launches licensed each year");
        }
    }
}

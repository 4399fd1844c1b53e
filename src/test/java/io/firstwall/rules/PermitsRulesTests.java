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
import io.firstwall.analysis.Supply;
import io.firstwall.analysis.Wall;
import io.firstwall.facts.Region;
import io.firstwall.analysis.Note;
import io.firstwall.plan.Power;

/** rules/permits/permits.drl */
class PermitsRulesTests {

    static final String PERMITS = "PERMITS";
    static final LocalDate DECISION = LocalDate.of(2026, 1, 15);

    static PlanBuilder existingHall() {
        return plan("US-TX", Power.GRID).phase("2027-06-30", 10_000).with("existingBuilding", true);
    }

    @Nested
    class Perm001NeedsPermits {

        @Test
        void aTerrestrialPlanNeedsPermitsForItsFacilityLoad() {
            Analysis a = analyze(existingHall().with("federalNexus", true));
            assertThat(wall(a, PERMITS).needed()).isEqualTo(a.demand().get(0).facilityMw());
        }

        @Test
        void anOrbitalPlanNeedsNoGroundPermits() {
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).phase("2030-01-01", 1000).with("federalNexus", true));
            assertThat(a.rulesFired()).doesNotContain("PERM-001", "PERM-002");
            assertThat(hasWall(a, PERMITS)).isFalse();
        }
    }

    @Nested
    class Perm004TexasLineCertificate {

        /** Inside ERCOT a 345 kV line needs only the PUCT's certificate: 180 days by statute, not the ten-year figure. */
        @Test
        void aLineInsideErcotWaitsForThePuctsCertificateOnly() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2026-03-31", 1_000).with("existingBuilding", true)
                    .with("existingPowerMW", 100).with("newTransmissionLine", true));
            assertThat(a.rulesFired()).contains("PERM-004").doesNotContain("PERM-003");
            Wall w = wall(a, PERMITS);
            assertThat(w.fullCapacityOn()).isEqualTo(DECISION.plusDays(Math.round(fact("permits.tx.ccn_deadline_days"))));
            assertThat(w.explanation()).contains("Texas PUC").contains("180 days");
        }

        @Test
        void aPhaseAfterTheCertificateHasNoPermitWall() {
            Analysis a = analyze(existingHall().with("newTransmissionLine", true));
            assertThat(a.rulesFired()).contains("PERM-004");
            assertThat(hasWall(a, PERMITS)).isFalse();
        }

        @Test
        void notOutsideTexas() {
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2027-06-30", 10_000).with("newTransmissionLine", true));
            assertThat(a.rulesFired()).doesNotContain("PERM-004").contains("PERM-003");
        }
    }

    @Nested
    class Perm090RegionWithoutRows {

        static final Region VIRGINIA = new Region("US-VA", "Northern Virginia", false, "TEMPERATE", "Dominion", "test",
                "assumption");

        /** Alone (no table row fired), the rule names the region: a region added without its permit rows is said. */
        @Test
        void aRegionWithoutALocalApprovalRowIsNamed() {
            RuleVerifier.Outcome outcome = RuleVerifier.verifyThat("PERM-090")
                    .given(plan("US-VA", Power.GRID).phase("2028-01-01", 1000).build(), VIRGINIA);
            assertThat(outcome.inserted(Note.class)).singleElement()
                    .satisfies(n -> assertThat(n.text()).contains("US-VA").contains("permits_by_region"));
        }

        @Test
        void aLocalApprovalSilencesIt() {
            Supply local = new Supply("PERMITS", "local", LocalDate.of(2027, 1, 1), Double.POSITIVE_INFINITY, "PERM-020",
                    "local approval", List.of());
            assertThat(RuleVerifier.verifyThat("PERM-090").given(plan("US-VA", Power.GRID).phase("2028-01-01", 1000)
                    .build(), VIRGINIA, local).fired()).isZero();
        }

        @Test
        void everyRegionOfTheFactBaseHasItsRow() {
            for (String region : List.of("US-VA", "US-TX", "US-TN", "US-MS", "US-AZ")) {
                assertThat(analyze(plan(region, Power.GRID).phase("2030-01-01", 1000)).notes())
                        .as(region).noneMatch(n -> n.ruleId().equals("PERM-090"));
            }
        }

        @Test
        void anExistingBuildingNeedsNoRow() {
            RuleVerifier.Outcome outcome = RuleVerifier.verifyThat("PERM-090")
                    .given(plan("US-VA", Power.GRID).phase("2028-01-01", 1000).with("existingBuilding", true).build(), VIRGINIA);
            assertThat(outcome.fired()).isZero();
        }
    }
}

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

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Wall;
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
    class Perm002Nepa {

        @Test
        void aFederalNexusAddsAnEnvironmentalImpactStatement() {
            Wall w = wall(analyze(existingHall().with("federalNexus", true)), PERMITS);
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(DECISION, fact("permits.nepa_eis_months")));
            assertThat(w.explanation()).contains("NEPA");
        }

        @Test
        void noFederalNexusNoStatement() {
            Analysis a = analyze(existingHall());
            assertThat(a.rulesFired()).doesNotContain("PERM-002");
            assertThat(hasWall(a, PERMITS)).isFalse();
        }
    }

    @Nested
    class Perm003TransmissionLine {

        @Test
        void aNewHighVoltageLineTakesAboutTenYears() {
            Wall w = wall(analyze(existingHall().with("newTransmissionLine", true)), PERMITS);
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(DECISION, fact("permits.transmission_line_months")));
            assertThat(w.explanation()).contains("transmission line");
        }

        @Test
        void noNewLineNoWait() {
            assertThat(analyze(existingHall()).rulesFired()).doesNotContain("PERM-003");
        }
    }
}

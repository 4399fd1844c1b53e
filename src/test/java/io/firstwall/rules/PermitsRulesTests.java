package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.FACTS;
import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Supply;
import io.firstwall.analysis.Wall;
import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
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

        /** The fact base with a region US-ZZ that has Texas's facts and no row in the permits table. */
        static FactBase withARegionWithoutRows() {
            List<Fact> facts = new ArrayList<>(FACTS.facts());
            for (Fact f : FACTS.facts()) {
                if (f.id().endsWith(".US-TX") || f.id().contains(".US-TX@")) {
                    facts.add(new Fact(f.id().replace(".US-TX", ".US-ZZ"), f.value(), f.low(), f.high(), f.unit(), f.asOf(),
                            f.source(), f.status(), f.note(), f.distribution()));
                }
            }
            List<Region> regions = new ArrayList<>(FACTS.regions().values());
            regions.add(new Region("US-ZZ", "A new region", false, "HOT", "someone", "test", "assumption"));
            return new FactBase(facts, regions, FACTS.accelerators().values());
        }

        /** A region added to the catalogue and the facts, but not to the permits table, is named in a full analysis. */
        @Test
        void aRegionWithoutALocalApprovalRowIsNamed() {
            Analysis a = AnalysisFixtures.ANALYZER.analyze(plan("US-ZZ", Power.GRID).phase("2028-01-01", 1000).build(),
                    withARegionWithoutRows());
            assertThat(a.notes()).filteredOn(n -> n.ruleId().equals("PERM-090")).singleElement()
                    .satisfies(n -> assertThat(n.text()).contains("US-ZZ").contains("permits_by_region"));
            assertThat(analyze(plan("US-TX", Power.GRID).phase("2028-01-01", 1000)).notes())
                    .noneMatch(n -> n.ruleId().equals("PERM-090"));
        }

        @Test
        void everyRegionOfTheFactBaseHasItsRow() {
            for (String region : FACTS.regions().values().stream().filter(r -> !r.orbital()).map(Region::id).toList()) {
                assertThat(analyze(plan(region, Power.GRID).phase("2030-01-01", 1000)).notes())
                        .as(region).noneMatch(n -> n.ruleId().equals("PERM-090"));
            }
        }

        @Test
        void anExistingBuildingNeedsNoRow() {
            Analysis a = AnalysisFixtures.ANALYZER.analyze(plan("US-ZZ", Power.GRID).phase("2028-01-01", 1000)
                    .with("existingBuilding", true).build(), withARegionWithoutRows());
            assertThat(a.notes()).noneMatch(n -> n.ruleId().equals("PERM-090"));
        }
    }
}

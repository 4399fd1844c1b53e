package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/gallium/gallium_supply.drl */
class GalliumSupplyRulesTests {

    static final String GALLIUM = "GALLIUM_SUPPLY";

    static PlanBuilder orbital(String online) {
        // 1,000 accelerators: about 2 MW of cells, whose germanium (about 3 t) comes within months.
        return plan("LEO", Power.SPACE_SOLAR).decided("2026-01-15").phase(online, 1_000);
    }

    /** An orbital plan that buys its gallium in China only. */
    static PlanBuilder orbitalChinaOnly(String online) {
        return orbital(online).with("galliumSource", "CN");
    }

    @Nested
    class Gall001SpaceArrays {

        @Test
        void spaceSolarNeedsGaAsForItsArray() {
            Analysis a = analyze(orbitalChinaOnly("2028-06-30"));
            assertThat(wall(a, GALLIUM).needed()).isEqualTo(a.demand().get(0).generationMw());
        }

        @Test
        void aGroundPlanWithoutGaNNeedsNoGallium() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2030-01-01", 1000));
            assertThat(a.rulesFired()).doesNotContain("GALL-001", "GALL-002", "GALL-003", "GALL-004");
        }
    }

    @Nested
    class Gall002GroundGaN {

        /** v1 made a small H100 plan "never feasible" for its GaN parts; finished devices are not under the ban. */
        @Test
        void ganPowerDevicesAreANoteNeverAGalliumWall() {
            Analysis a = analyze(plan("US-TX", Power.GRID).accelerator("H100").phase("2030-01-01", 1000)
                    .with("existingBuilding", true).with("ganPowerElectronics", true));
            assertThat(hasWall(a, GALLIUM)).isFalse();
            assertThat(a.rulesFired()).contains("GALL-002").doesNotContain("GALL-003", "GALL-004");
            assertThat(a.notes()).filteredOn(n -> n.ruleId().equals("GALL-002")).singleElement()
                    .satisfies(n -> assertThat(n.text()).contains("finished").contains("not finished transistors")
                            .contains("dual-use export licence"));
        }

        @Test
        void doesNotFireWithoutTheFlag() {
            assertThat(analyze(plan("US-TX", Power.GRID).phase("2030-01-01", 1000)).rulesFired())
                    .doesNotContain("GALL-002");
        }
    }

    @Nested
    class DefaultSource {

        /** v1's default (China only) left any plan decided near the ban's end an open-ended wall. */
        @Test
        void byDefaultABuyerTakesChineseGalliumWhileAllowedThenAQualifiedNonChineseChain() {
            Analysis a = analyze(orbital("2028-06-30"));
            assertThat(a.rulesFired()).contains("GALL-003", "GALL-004");
            assertThat(hasWall(a, GALLIUM)).isFalse();
        }

        @Test
        void aPlanDueBeforeQualificationAfterTheBanEndsWaitsForTheNonChineseChainNotForever() {
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).decided("2026-11-01").phase("2027-03-31", 1_000));
            Wall w = wall(a, GALLIUM);
            assertThat(w.openEnded()).isFalse();
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(LocalDate.of(2026, 11, 1),
                    fact("gallium.non_china_qualification_months")));
        }
    }

    @Nested
    class Gall003ChineseGallium {

        @Test
        void chineseGalliumAfterTheSuspensionEndsIsOpenEnded() {
            Wall w = wall(analyze(orbitalChinaOnly("2028-06-30")), GALLIUM);
            assertThat(w.openEnded()).isTrue();
            assertThat(w.explanation()).contains("99%").contains("Nov 2026");
        }

        @Test
        void whatIsBoughtWhileTheSuspensionLastsIsCovered() {
            assertThat(hasWall(analyze(orbitalChinaOnly("2026-10-31")), GALLIUM)).isFalse();
        }

        @Test
        void extendingTheSuspensionInAScenarioRemovesTheWall() {
            Analysis a = AnalysisFixtures.ANALYZER.analyze(orbitalChinaOnly("2028-06-30").build(),
                    AnalysisFixtures.FACTS.withOverrides(Map.of("gallium.us_exports_allowed@2026-11-27", 1.0)));
            assertThat(hasWall(a, GALLIUM)).isFalse();
        }

        /** The ban is a series: a plan decided while it was in force (Dec 2024 to Nov 2025) waits for the suspension. */
        @Test
        void aPlanDecidedDuringTheBanWaitsForTheSuspension() {
            Wall w = wall(analyze(plan("LEO", Power.SPACE_SOLAR).decided("2025-02-01").phase("2025-09-30", 1_000)
                    .with("galliumSource", "CN")), GALLIUM);
            assertThat(w.explanation()).contains("are banned until Nov 2025 and are allowed only until Nov 2026");
            // Neither gallium nor the cells' germanium comes from China before the suspension; both come during it.
            assertThat(w.phases().get(0).readyOn()).isAfterOrEqualTo(LocalDate.of(2025, 11, 9)).isBefore(LocalDate.of(2026, 11, 27));
            assertThat(w.factIds()).contains("gallium.us_exports_allowed@2025-11-09", "gallium.us_exports_allowed@2026-11-27");
        }

        @Test
        void doesNotFireForNonChineseGallium() {
            assertThat(analyze(orbital("2028-06-30").with("galliumSource", "NON_CN")).rulesFired())
                    .doesNotContain("GALL-003");
        }
    }

    @Nested
    class Gall004NonChineseGallium {

        @Test
        void nonChineseGalliumComesAfterQualification() {
            Wall w = wall(analyze(orbital("2026-06-30").with("galliumSource", "NON_CN")), GALLIUM);
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(LocalDate.of(2026, 1, 15),
                    fact("gallium.non_china_qualification_months")));
        }

        @Test
        void noWallOnceQualified() {
            Analysis a = analyze(orbital("2028-06-30").with("galliumSource", "NON_CN"));
            assertThat(a.rulesFired()).contains("GALL-004");
            assertThat(hasWall(a, GALLIUM)).isFalse();
        }
    }

    @Nested
    class Gall005Germanium {

        static double germaniumMwPerMonth(double shareOfWorld) {
            return fact("germanium.world_primary_t") / 12 * fact("germanium.buyer_share") * shareOfWorld
                    / fact("space_solar.ge_g_per_w");
        }

        /** v1 had no germanium: a gigawatt of GaAs arrays in orbit passed the material wall. */
        @Test
        void aGigawattOfArraysNeedsMoreGermaniumThanTheWorldCanSpare() {
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).decided("2026-01-15").phase("2029-12-31", 470_000));
            Wall w = wall(a, GALLIUM);
            assertThat(w.needed()).isGreaterThan(1000);
            // 1 GW x 1.5 g/W = 1,500 t against about 6 t a year outside China for this buyer.
            assertThat(w.openEnded()).isTrue();
            assertThat(w.explanation()).contains("germanium").contains("210 t a year").contains("86% of it in China");
            assertThat(a.rulesFired()).contains("GALL-005");
        }

        @Test
        void aSmallArrayBoughtWhileChinaExportsIsCovered() {
            assertThat(hasWall(analyze(orbital("2026-10-31")), GALLIUM)).isFalse();
        }

        @Test
        void eachMonthBringsTheBuyersShareOfWorldGermaniumAsMwOfCells() {
            // Outside China only: about 0.3 MW of cells a month; 5,000 accelerators need about 11 MW, nearly three years.
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).decided("2026-01-15").phase("2026-06-30", 5_000)
                    .with("galliumSource", "NON_CN"));
            Wall w = wall(a, GALLIUM);
            double perMonth = germaniumMwPerMonth(1 - fact("germanium.china_share"));
            int months = (int) Math.ceil(a.demand().get(0).generationMw() / perMonth);
            assertThat(w.fullCapacityOn()).isEqualTo(LocalDate.of(2026, 1, 15).plusMonths(months));
            assertThat(w.explanation()).contains("germanium");
        }

        @Test
        void chineseGermaniumStopsWithTheSuspension() {
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).decided("2027-01-15").phase("2028-06-30", 1_000)
                    .with("galliumSource", "CN"));
            assertThat(wall(a, GALLIUM).openEnded()).isTrue();
        }

        @Test
        void siliconCellsNeedNeitherGalliumNorGermanium() {
            Analysis a = analyze(plan("LEO", Power.SPACE_SOLAR).decided("2026-01-15").phase("2029-12-31", 470_000)
                    .with("spaceCells", "SILICON"));
            assertThat(a.rulesFired()).doesNotContain("GALL-001", "GALL-003", "GALL-004", "GALL-005");
            assertThat(hasWall(a, GALLIUM)).isFalse();
        }
    }
}

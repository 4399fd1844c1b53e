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
        return plan("LEO", Power.SPACE_SOLAR).decided("2026-01-15").phase(online, 10_000);
    }

    @Nested
    class Gall001SpaceArrays {

        @Test
        void spaceSolarNeedsGaAsForItsArray() {
            Analysis a = analyze(orbital("2028-06-30"));
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

        @Test
        void ganPowerElectronicsNeedGallium() {
            Analysis a = analyze(plan("US-TX", Power.GRID).phase("2030-01-01", 1000).with("ganPowerElectronics", true));
            assertThat(wall(a, GALLIUM).needed()).isEqualTo(a.demand().get(0).facilityMw());
        }

        @Test
        void doesNotFireWithoutTheFlag() {
            assertThat(analyze(plan("US-TX", Power.GRID).phase("2030-01-01", 1000)).rulesFired())
                    .doesNotContain("GALL-002");
        }
    }

    @Nested
    class Gall003ChineseGallium {

        @Test
        void chineseGalliumAfterTheSuspensionEndsIsOpenEnded() {
            Wall w = wall(analyze(orbital("2028-06-30")), GALLIUM);
            assertThat(w.openEnded()).isTrue();
            assertThat(w.explanation()).contains("99%").contains("Nov 2026");
        }

        @Test
        void whatIsBoughtWhileTheSuspensionLastsIsCovered() {
            assertThat(hasWall(analyze(orbital("2026-10-31")), GALLIUM)).isFalse();
        }

        @Test
        void extendingTheSuspensionInAScenarioRemovesTheWall() {
            Analysis a = AnalysisFixtures.ANALYZER.analyze(orbital("2028-06-30").build(),
                    AnalysisFixtures.FACTS.withOverrides(Map.of("gallium.us_ban_suspended_until", 20301231.0)));
            assertThat(hasWall(a, GALLIUM)).isFalse();
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
}

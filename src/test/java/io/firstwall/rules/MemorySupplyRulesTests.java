package io.firstwall.rules;

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
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/memory/memory_supply.drl */
class MemorySupplyRulesTests {

    static final String MEMORY = "MEMORY_SUPPLY";
    static final LocalDate DECISION = LocalDate.of(2026, 1, 15);

    static PlanBuilder retrofit(String online) {
        return plan("US-VA", Power.GRID).phase(online, 20_000).with("existingPowerMW", 100).with("existingBuilding", true);
    }

    @Nested
    class Mem001HbmNeed {

        @ParameterizedTest(name = "{0}: {1} GB of HBM per accelerator")
        @CsvSource({"GB300, 288", "GB200, 186", "H100, 80"})
        void eachAcceleratorCarriesItsHbm(String accelerator, double gb) {
            Wall w = wall(analyze(retrofit("2026-06-30").accelerator(accelerator)), MEMORY);
            assertThat(w.needed()).isCloseTo(20_000 * gb / 1000, within(0.001));
            assertThat(w.unit()).isEqualTo("TB of HBM");
        }

        @Test
        void noHbmNeedBeyondTheSoldOutHorizon() {
            assertThat(hasWall(analyze(retrofit("2028-01-01")), MEMORY)).isFalse();
        }
    }

    @Nested
    class Mem002NoAllocation {

        @Test
        void withoutAnAllocationHbmComesAfterTheSoldOutHorizon() {
            Wall w = wall(analyze(retrofit("2026-09-30")), MEMORY);
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(DECISION, fact("memory.hbm_sold_out_months")));
            assertThat(w.explanation()).contains("sold out").contains("no allocation");
            assertThat(w.ruleIds()).contains("MEM-002");
        }

        @Test
        void doesNotFireWithAnAllocation() {
            assertThat(analyze(retrofit("2026-09-30").with("hbmAllocationSecured", true)).rulesFired())
                    .doesNotContain("MEM-002");
        }
    }

    @Nested
    class Mem003Allocation {

        @Test
        void anAllocationDeliversAfterAShortLead() {
            Analysis a = analyze(retrofit("2026-09-30").with("hbmAllocationSecured", true));
            assertThat(a.rulesFired()).contains("MEM-003");
            assertThat(hasWall(a, MEMORY)).isFalse();
        }

        @Test
        void anAllocationBelowTheNeedCapsSupplyUntilTheHorizon() {
            Wall w = wall(analyze(retrofit("2026-09-30").with("hbmAllocationSecured", true)
                    .with("hbmAllocationTB", 1000)), MEMORY);
            assertThat(w.shortfall()).isCloseTo(20_000 * 288 / 1000.0 - 1000, within(0.001));
            assertThat(w.fullCapacityOn()).isEqualTo(Calc.plusMonths(DECISION, fact("memory.hbm_sold_out_months")));
        }

        @Test
        void doesNotFireWithoutAnAllocation() {
            assertThat(analyze(retrofit("2026-09-30")).rulesFired()).doesNotContain("MEM-003");
        }
    }

    @Nested
    class Mem004DramContext {

        @Test
        void everyPlanGetsTheDramContext() {
            assertThat(analyze(retrofit("2028-01-01")).notes())
                    .anySatisfy(n -> assertThat(n.text()).contains("DRAM").contains("2028"));
        }

        @Test
        void theNoteNamesTheFactsItUses() {
            assertThat(analyze(retrofit("2028-01-01")).notes()).filteredOn(n -> n.ruleId().equals("MEM-004"))
                    .singleElement().satisfies(n -> assertThat(n.factIds())
                            .containsExactly("memory.dram_contract_price_qoq", "memory.shortage_until_year"));
        }
    }
}

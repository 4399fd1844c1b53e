package io.firstwall.rules;

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
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/memory/memory_supply.drl */
class MemorySupplyRulesTests {

    static final String MEMORY = "MEMORY_SUPPLY";

    static PlanBuilder retrofit(String online) {
        return plan("US-VA", Power.GRID).phase(online, 20_000).with("existingPowerMW", 100).with("existingBuilding", true);
    }

    static double hbmTbPerMonth(String date, double buyerShare) {
        return FACTS.at("memory.hbm_supply_tb_per_year", LocalDate.parse(date)).value() / 12
                * fact("chip.nvidia_cowos_share") * buyerShare;
    }

    @Nested
    class Mem001HbmNeed {

        @ParameterizedTest(name = "{0}: {1} GB of HBM per accelerator")
        @CsvSource({"GB300, 288", "GB200, 186", "H100, 80", "VR, 288", "RubinUltra, 1024", "MI355X, 288", "TPUv7, 192"})
        void eachAcceleratorCarriesItsHbm(String accelerator, double gb) {
            Wall w = wall(analyze(retrofit("2026-06-30").accelerator(accelerator)), MEMORY);
            assertThat(w.needed()).isCloseTo(20_000 * gb / 1000, within(0.001));
            assertThat(w.unit()).isEqualTo("TB of HBM");
        }

        @Test
        void aSmallPlanAfterTheLeadHasNoMemoryWall() {
            assertThat(hasWall(analyze(retrofit("2028-01-01")), MEMORY)).isFalse();
        }
    }

    @Nested
    class Mem002ShareOfWorldHbm {

        @Test
        void noWaitForHbmOnTopOfTheChipLead() {
            // v1 made this buyer wait 15 months for HBM the chip maker buys: a wall to April 2027.
            Analysis a = analyze(retrofit("2027-03-31"));
            assertThat(hasWall(a, MEMORY)).isFalse();
            assertThat(hasWall(a, "CHIP_SUPPLY")).isFalse();
            assertThat(a.rulesFired()).contains("MEM-002");
        }

        @ParameterizedTest(name = "{0} of a month''s HBM share by mid-February 2027: wall {1}")
        @CsvSource({"0.99, false", "1.01, true"})
        void theBuyerGetsItsShareOfTheMakersShareOfWorldHbmMonthByMonth(double ofAMonth, boolean wall) {
            double tb = hbmTbPerMonth("2027-01-15", fact("chip.buyer_share")) * ofAMonth;
            long accelerators = Math.round(tb * 1000 / fact("accelerator.GB300.hbm_gb"));
            Analysis a = analyze(plan("US-VA", Power.GRID).phase("2027-02-15", accelerators).with("existingPowerMW", 100_000)
                    .with("existingBuilding", true));
            assertThat(hasWall(a, MEMORY)).isEqualTo(wall);
        }

        @Test
        void aLaterOrderGetsMoreHbmAMonthAsWorldSupplyGrows() {
            // The same month's need, ordered a year apart: 2026's world HBM does not cover it, 2027's does.
            double tb = (hbmTbPerMonth("2026-01-15", fact("chip.buyer_share")) + hbmTbPerMonth("2027-01-15", fact("chip.buyer_share"))) / 2;
            long accelerators = Math.round(tb * 1000 / fact("accelerator.GB300.hbm_gb"));
            assertThat(hasWall(analyze(plan("US-VA", Power.GRID).decided("2025-01-15").phase("2026-02-15", accelerators)
                    .with("existingPowerMW", 100_000).with("existingBuilding", true)), MEMORY)).isTrue();
            assertThat(hasWall(analyze(plan("US-VA", Power.GRID).decided("2026-01-15").phase("2027-02-15", accelerators)
                    .with("existingPowerMW", 100_000).with("existingBuilding", true)), MEMORY)).isFalse();
        }

        @Test
        void rubinUltrasTerabyteOfHbmBindsBesideItsPackaging() {
            // 1 TB per package: HBM allows about as many Rubin Ultra a month as CoWoS does.
            Analysis a = analyze(plan("US-VA", Power.GRID).accelerator("RubinUltra").phase("2028-06-30", 200_000)
                    .with("existingPowerMW", 100_000).with("existingBuilding", true));
            assertThat(hasWall(a, MEMORY)).isTrue();
            assertThat(wall(a, MEMORY).explanation()).contains("5% of NVIDIA's 60% of the world's HBM");
        }

        @Test
        void doesNotFireWithAContract() {
            assertThat(analyze(retrofit("2026-09-30").with("hbmAllocationSecured", true)).rulesFired())
                    .doesNotContain("MEM-002");
        }
    }

    @Nested
    class Mem003Contract {

        @Test
        void aContractWithNoVolumeCoversThePlanAfterAShortLead() {
            Analysis a = analyze(retrofit("2026-09-30").with("hbmAllocationSecured", true));
            assertThat(a.rulesFired()).contains("MEM-003");
            assertThat(hasWall(a, MEMORY)).isFalse();
        }

        @Test
        void aContractsVolumeComesOverAYearOnTopOfTheShare() {
            double chipShare = 0.0001;
            Wall w = wall(analyze(retrofit("2026-09-30").with("hbmAllocationSecured", true).with("hbmAllocationTB", 1000)
                    .with("chipShare", chipShare)), MEMORY);
            // From mid-April 2026 (3-month lead): five monthly steps by the end of September.
            double allowed = 5 * (1000 / 12.0 + hbmTbPerMonth("2026-06-01", chipShare));
            assertThat(w.shortfall()).isCloseTo(20_000 * 288 / 1000.0 - allowed, within(0.01));
            assertThat(w.explanation()).contains("HBM contract of 1,000 TB delivers over the 12 months from Apr 2026");
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

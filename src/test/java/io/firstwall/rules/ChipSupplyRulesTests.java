package io.firstwall.rules;

import static io.firstwall.analysis.AnalysisFixtures.FACTS;
import static io.firstwall.analysis.AnalysisFixtures.allowedOn;
import static io.firstwall.analysis.AnalysisFixtures.analyze;
import static io.firstwall.analysis.AnalysisFixtures.fact;
import static io.firstwall.analysis.AnalysisFixtures.hasWall;
import static io.firstwall.analysis.AnalysisFixtures.plan;
import static io.firstwall.analysis.AnalysisFixtures.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.AnalysisFixtures.PlanBuilder;
import io.firstwall.analysis.Calc;
import io.firstwall.analysis.Format;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Power;

/** rules/chips/chip_supply.drl */
class ChipSupplyRulesTests {

    static final String CHIPS = "CHIP_SUPPLY";

    static double wafers(String date) {
        return FACTS.at("chip.cowos_wafers_per_month", LocalDate.parse(date)).value();
    }

    static double perWafer(String accelerator) {
        return fact("chip.nvidia_cowos_share") * fact("accelerator." + accelerator + ".per_cowos_wafer")
                * fact("chip.buyer_share");
    }

    static PlanBuilder secured() {
        return plan("US-VA", Power.GRID).with("existingPowerMW", 100_000).with("existingBuilding", true)
                .with("hbmAllocationSecured", true);
    }

    /** What the rules deliver of an accelerator between two dates when the buyer takes all of the maker's output. */
    static double makersOutput(String accelerator, LocalDate from, LocalDate to) {
        // The order lead is a series by decision date: find the decision whose lead ends on the first day wanted.
        double lead = fact("chip.order_lead_months", from);
        for (int i = 0; i < 5; i++) {
            lead = fact("chip.order_lead_months", Calc.plusMonths(from, -lead));
        }
        LocalDate decided = Calc.plusMonths(from, -lead);
        Wall w = wall(analyze(secured().accelerator(accelerator).decided(decided.toString()).with("chipShare", 1.0)
                .phase(to.toString(), 1_000_000_000L)), CHIPS);
        return w.needed() - w.shortfall();
    }

    @Nested
    class Chip001Need {

        @Test
        void eachPhaseNeedsItsAccelerators() {
            Wall w = wall(analyze(secured().phase("2026-06-30", 1000)), CHIPS);
            assertThat(w.needed()).isEqualTo(1000);
            assertThat(w.unit()).isEqualTo("accelerators");
        }

        @Test
        void aPhaseWithinDeliveriesHasNoWall() {
            assertThat(hasWall(analyze(secured().phase("2027-06-30", 1000)), CHIPS)).isFalse();
        }
    }

    @Nested
    class Chip002MonthlyDeliveries {

        @Test
        void nothingArrivesBeforeTheOrderLead() {
            // Decided 2026-01-15 with a 12-month lead: the first month's deliveries land in February 2027.
            assertThat(fact("chip.order_lead_months")).isEqualTo(12);
            Wall w = wall(analyze(secured().phase("2027-01-31", 1)), CHIPS);
            assertThat(w.phases().get(0).readyOn()).isEqualTo(LocalDate.of(2027, 2, 15));
        }

        @ParameterizedTest(name = "{0} of the first month''s GB300 (Jan 2027 capacity) by mid-February 2027: wall {1}")
        @CsvSource({"1.0, false", "1.01, true"})
        void deliveriesComeMonthByMonth(double shareOfAMonth, boolean wall) {
            long asked = (long) Math.floor(wafers("2027-01-15") * perWafer("GB300") * shareOfAMonth);
            assertThat(hasWall(analyze(secured().phase("2027-02-15", asked)), CHIPS)).isEqualTo(wall);
        }

        @Test
        void capacityGrowsWithTheCowosSeries() {
            assertThat(wafers("2025-06-01")).isLessThan(wafers("2026-06-01"));
            assertThat(wafers("2026-06-01")).isLessThan(wafers("2027-06-01"));
            // The same plan decided two years earlier gets fewer accelerators in its first half-year.
            double early = makersOutput("GB200", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1));
            double later = makersOutput("GB200", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 7, 1));
            assertThat(early).isLessThan(later / 2);
        }

        @Test
        void theSentenceNamesTheMakerTheCapacityAndTheMonthlyRate() {
            Wall w = wall(analyze(secured().phase("2027-12-31", 3_000_000)), CHIPS);
            assertThat(w.explanation()).contains("NVIDIA's 60% of TSMC's CoWoS packaging")
                    .contains("110,000 wafers a month in Jan 2027, rising to 112,000 by Jan 2028")
                    .contains("accelerators a month from Jan 2027").contains("12 months after the order");
        }

        @Test
        void aPlanPastTheLastPointIsToldTheCapacityIsHeldNotGrowing() {
            LocalDate decided = LocalDate.of(2031, 1, 15);
            Wall w = wall(analyze(secured().decided(decided.toString()).phase("2032-06-30", 3_000_000)), CHIPS);
            String start = Format.month(Calc.plusMonths(decided, fact("chip.order_lead_months", decided)));
            assertThat(w.explanation()).contains("112,000 wafers a month in " + start + ", the last figure in the series, held after it");
        }

        @Test
        void theAnswerNamesTheCapacityPointsItUsed() {
            Wall w = wall(analyze(secured().phase("2027-12-31", 3_000_000)), CHIPS);
            assertThat(w.factIds()).contains("chip.cowos_wafers_per_month@2027-01-01", "chip.cowos_wafers_per_month@2028-01-01")
                    .doesNotContain("chip.cowos_wafers_per_month", "chip.cowos_wafers_per_month@2026-10-01");
        }

        @Test
        void aLargerBuyerShareMovesTheWall() {
            Wall base = wall(analyze(secured().phase("2027-12-31", 3_000_000)), CHIPS);
            Wall larger = wall(analyze(secured().phase("2027-12-31", 3_000_000).with("chipShare", 0.1)), CHIPS);
            assertThat(larger.fullCapacityOn()).isBefore(base.fullCapacityOn());
        }

        @Test
        void smallerH100PackagesComeFaster() {
            assertThat(perWafer("H100")).isGreaterThan(perWafer("GB300"));
            Wall h100 = wall(analyze(secured().accelerator("H100").phase("2027-12-31", 3_000_000)), CHIPS);
            Wall gb300 = wall(analyze(secured().phase("2027-12-31", 3_000_000)), CHIPS);
            assertThat(h100.fullCapacityOn()).isBefore(gb300.fullCapacityOn());
        }

        @ParameterizedTest(name = "{0} ships from {1}: nothing before it")
        @CsvSource({"VR, 2026-09-01", "RubinUltra, 2027-07-01", "MI355X, 2025-06-12", "TPUv7, 2025-11-01"})
        void noAcceleratorIsDeliveredBeforeItShips(String accelerator, String ships) {
            // Decided long before it ships: the lead is over by then, the first deliveries wait for the part.
            Wall w = wall(analyze(secured().accelerator(accelerator).decided("2024-01-15").phase(ships, 1)), CHIPS);
            assertThat(w.phases().get(0).readyOn()).isEqualTo(LocalDate.parse(ships).plusMonths(1));
            assertThat(w.explanation()).contains("when the " + accelerator + " first ships");
        }

        @Test
        void eachMakerHasItsOwnShareOfPackaging() {
            Wall amd = wall(analyze(secured().accelerator("MI355X").phase("2028-12-31", 3_000_000)), CHIPS);
            Wall google = wall(analyze(secured().accelerator("TPUv7").phase("2028-12-31", 3_000_000)), CHIPS);
            assertThat(amd.explanation()).contains("AMD's 8% of TSMC's CoWoS packaging");
            assertThat(google.explanation()).contains("Google's 15% of TSMC's CoWoS packaging");
            assertThat(amd.factIds()).contains("chip.amd_cowos_share");
        }

        @Test
        void rubinUltraPackagesAreFewerPerWafer() {
            assertThat(perWafer("RubinUltra")).isLessThan(perWafer("VR"));
            assertThat(perWafer("VR")).isLessThan(perWafer("GB300"));
        }
    }

    /** One year of published NVIDIA output, with the accelerator mix that shipped in it. */
    record PublishedYear(int year, List<String> mix, double low, double high, String source) {
        @Override
        public String toString() {
            return year + " (" + String.join(", ", mix) + ")";
        }
    }

    static List<PublishedYear> published() throws IOException {
        String text = Files.readString(Path.of("data/backtests/nvidia-output.csv"), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new java.io.StringReader(text)).getRecords();
        return rows.stream().map(r -> new PublishedYear(Integer.parseInt(r.get("year")), List.of(r.get("mix").split(";")),
                Double.parseDouble(r.get("low")), Double.parseDouble(r.get("high")), r.get("source"))).toList();
    }

    @Nested
    class NvidiaOutputAgainstThePublicRecord {

        @ParameterizedTest(name = "NVIDIA output in {0}")
        @MethodSource("io.firstwall.rules.ChipSupplyRulesTests#published")
        void theModelsNvidiaOutputIsWithinThePublishedRange(PublishedYear year) {
            double output = 0;
            for (int i = 0; i < year.mix().size(); i++) {
                String[] part = year.mix().get(i).split(":");
                LocalDate from = LocalDate.parse(part[1]);
                LocalDate to = i + 1 < year.mix().size() ? LocalDate.parse(year.mix().get(i + 1).split(":")[1])
                        : LocalDate.of(year.year() + 1, 1, 1);
                output += makersOutput(part[0], from, to);
            }
            assertThat(output).as("NVIDIA packages in %d against %s", year.year(), year.source())
                    .isBetween(year.low(), year.high());
        }

        @Test
        void aYearIsTheCapacitySeriesQuarterByQuarter() {
            // v1 took 125k wafers a month at any date and 29 H100 per wafer: about 26 M H100 in 2024.
            assertThat(makersOutput("H100", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))
                    .isCloseTo(3 * (wafers("2024-01-01") + wafers("2024-04-01") + wafers("2024-07-01") + wafers("2024-10-01"))
                            * fact("chip.nvidia_cowos_share") * fact("accelerator.H100.per_cowos_wafer"), within(1.0));
        }
    }

    @Nested
    class NewGenerationRamp {

        /** Before, 50k Rubin ordered in July 2025 all came in their first month of shipments. */
        @Test
        void aNewGenerationRampsUpToItsShareAfterItsFirstShipment() {
            PlanBuilder rubin = secured().accelerator("VR").decided("2025-07-15").phase("2026-12-31", 500_000);
            Analysis ramped = analyze(rubin);
            Analysis flat = AnalysisFixtures.ANALYZER.analyze(rubin.build(),
                    FACTS.withOverrides(java.util.Map.of("chip.new_gen_ramp_months", 1.0)));
            LocalDate ships = Calc.yyyymmdd(fact("accelerator.VR.available"));
            double firstMonthFlat = allowedOn(flat, CHIPS, ships.plusMonths(1));
            assertThat(firstMonthFlat).isPositive();
            assertThat(allowedOn(ramped, CHIPS, ships.plusMonths(1)))
                    .isCloseTo(firstMonthFlat / fact("chip.new_gen_ramp_months"), within(1.0));
            assertThat(wall(ramped, CHIPS).fullCapacityOn()).isAfter(wall(flat, CHIPS).fullCapacityOn());
            assertThat(wall(ramped, CHIPS).explanation()).contains("a new generation: its share ramps up over the 6 months");
        }

        @Test
        void aGenerationShippingForYearsComesAtItsFullShare() {
            Analysis a = analyze(secured().accelerator("H100").decided("2024-07-15").phase("2024-12-31", 2_000_000));
            assertThat(wall(a, CHIPS).explanation()).doesNotContain("ramps up");
        }
    }
}

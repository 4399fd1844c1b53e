package io.firstwall.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleCompiler;

/** Monte Carlo over the real rules and fact base: probabilities, percentiles, sensitivity, reproducibility. */
class MonteCarloTests {

    static FactBase facts;
    static Analyzer analyzer;
    static MonteCarlo monteCarlo;

    @BeforeAll
    static void load() {
        facts = FactCsvReader.read(Path.of("data"));
        analyzer = new Analyzer(RuleCompiler.compile(Path.of("rules")));
        monteCarlo = new MonteCarlo(analyzer);
    }

    static Plan plan(String file) throws IOException {
        return new PlanReader(facts).read(Files.readString(Path.of("data/plans", file)));
    }

    static Stream<String> examplePlans() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("data/plans"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The fact base with every range removed but those named, which take the given distribution. */
    static FactBase onlyUncertain(Set<String> ids, String distribution) {
        List<Fact> kept = facts.facts().stream().map(f -> ids.contains(f.id())
                ? new Fact(f.id(), f.value(), f.low(), f.high(), f.unit(), f.asOf(), f.source(), f.status(), f.note(),
                        distribution)
                : new Fact(f.id(), f.value(), null, null, f.unit(), f.asOf(), f.source(), f.status(), f.note()))
                .toList();
        return new FactBase(kept, facts.regions().values(), facts.accelerators().values());
    }

    @ParameterizedTest
    @MethodSource("examplePlans")
    void theProbabilitiesOfEveryOutcomeSumToOne(String file) throws IOException {
        Uncertainty u = monteCarlo.run(plan(file), facts, 200, 7, null);
        double sum = u.feasibleProbability() + u.firstWallProbability().values().stream().mapToDouble(d -> d).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(u.samples()).isEqualTo(200);
        u.interval95().forEach((k, i) -> assertThat(i.low()).isLessThanOrEqualTo(i.high()));
    }

    @Test
    void theSameSeedGivesTheSameNumbers() throws IOException {
        Plan southaven = plan("southaven-gas-equipment-secured.json");
        Uncertainty first = monteCarlo.run(southaven, facts, 500, 42, null);
        Uncertainty again = monteCarlo.run(southaven, facts, 500, 42, null);
        assertThat(again).isEqualTo(first);
        assertThat(first.firstWallProbability().get("PERMITS")).isStrictlyBetween(0.05, 0.95);
        assertThat(monteCarlo.run(southaven, facts, 500, 43, null).firstWallProbability())
                .isNotEqualTo(first.firstWallProbability());
    }

    /**
     * Whether China's ban on gallium exports to the US returns after 27 November 2026 is an event at
     * even odds: the point answer takes the ban and says so, and the samples take both branches, so a
     * small GaAs array is held in about half of them and on time in the rest (before, P = 1.0 of never).
     */
    @Test
    void anUncertainEventIsSampledBothWaysAndThePointAnswerSaysWhichItTook() throws IOException {
        Plan small = new PlanReader(facts).read(Files.readString(Path.of("data/plans/orbital-chinese-gaas.json"))
                .replace("\"accelerators\": 20000}", "\"accelerators\": 2000}")
                .replace("\"accelerators\": 500000}", "\"accelerators\": 10000}"));
        Analysis point = analyzer.analyze(small, facts, false);
        assertThat(point.firstWall().factor()).isEqualTo("GALLIUM_SUPPLY");
        assertThat(point.firstWall().explanation()).contains("Taken at the more likely of two outcomes")
                .contains("gallium.us_exports_allowed@2026-11-27 at 0 (50%; 1 otherwise)");
        Uncertainty u = monteCarlo.run(small, facts, 400, 3, null);
        assertThat(u.firstWallProbability().get("GALLIUM_SUPPLY")).isBetween(0.4, 0.6);
        assertThat(u.feasibleProbability()).isBetween(0.4, 0.6);
        assertThat(u.sensitivity()).filteredOn(s -> s.fact().equals("gallium.us_exports_allowed@2026-11-27"))
                .singleElement().satisfies(s -> assertThat(s.flipsFirstWall()).isTrue());
        // A sample on the other branch does not claim to have taken the likely one.
        Analysis extended = analyzer.analyze(small, facts.withSamples(Map.of("gallium.us_exports_allowed@2026-11-27", 1.0)),
                false);
        assertThat(extended.walls()).noneSatisfy(w -> assertThat(w.explanation()).contains("Taken at the more likely"));
    }

    @Test
    void withoutRangesThePointAnswerIsCertain() throws IOException {
        FactBase certain = onlyUncertain(Set.of(), "");
        Plan memphis = plan("memphis-onsite-gas-1gw.json");
        Analysis point = analyzer.analyze(memphis, certain, false);
        Uncertainty u = monteCarlo.run(memphis, certain, 300, 1, null);
        assertThat(u.firstWallProbability()).containsExactly(org.assertj.core.api.Assertions.entry(
                point.firstWall().factor(), 1.0));
        assertThat(u.feasibleProbability()).isZero();
        assertThat(u.delayMonths().p10()).isEqualTo(u.delayMonths().p90()).isEqualTo(point.firstWall().slipMonths());
        assertThat(u.sensitivity()).isEmpty();
    }

    /**
     * One uniform fact across a turning point: the share of samples past it is the analytic
     * probability (high − t) / (high − low), within sampling error, and that fact ranks first.
     */
    @Test
    void aUniformRangeAcrossATurningPointGivesTheAnalyticProbability() throws IOException {
        String deciding = "chip.buyer_share";
        // A retrofit with power and HBM in hand, halls built as fast as wanted: the buyer's share of NVIDIA's output
        // decides whether it is on time, and at the share's value it is not.
        FactBase base = onlyUncertain(Set.of(deciding, "memory.dram_contract_price_qoq"), "uniform")
                .withOverrides(java.util.Map.of("construction.retrofit_mw_per_month", 10_000.0));
        Plan plan = io.firstwall.analysis.AnalysisFixtures.plan("US-TX", io.firstwall.plan.Power.GRID)
                .phase("2028-06-30", 1_000_000).with("existingPowerMW", 100_000).with("existingBuilding", true)
                .with("hbmAllocationSecured", true).build();
        assertThat(analyzer.analyze(plan, base, false).firstWall().factor()).isEqualTo("CHIP_SUPPLY");
        Fact share = base.get(deciding);
        // The turning point, found with single analyses: below it the chip wall, at or above it feasible.
        double below = share.low();
        double above = share.high();
        assertThat(analyzer.analyze(plan, base.withSamples(java.util.Map.of(deciding, below)), false).feasible()).isFalse();
        assertThat(analyzer.analyze(plan, base.withSamples(java.util.Map.of(deciding, above)), false).feasible()).isTrue();
        for (int i = 0; i < 40; i++) {
            double mid = (below + above) / 2;
            if (analyzer.analyze(plan, base.withSamples(java.util.Map.of(deciding, mid)), false).feasible()) {
                above = mid;
            } else {
                below = mid;
            }
        }
        double analytic = (share.high() - above) / (share.high() - share.low());
        int n = 2000;
        Uncertainty u = monteCarlo.run(plan, base, n, 11, null);
        double error = Math.sqrt(analytic * (1 - analytic) / n);
        assertThat(u.feasibleProbability()).isCloseTo(analytic, within(4 * error + 1.0 / n));
        assertThat(u.feasibleProbability()).isStrictlyBetween(0.05, 0.95);
        assertThat(u.sensitivity()).first().satisfies(s -> {
            assertThat(s.fact()).isEqualTo(deciding);
            assertThat(s.flipsFirstWall()).isTrue();
            assertThat(Math.abs(s.rankCorrelation())).isGreaterThan(0.5);
        });
        assertThat(u.sensitivity()).extracting(Uncertainty.Sensitivity::fact).contains("memory.dram_contract_price_qoq");
    }

    @Test
    void factsOfOneCorrelationGroupMoveTogether() throws IOException {
        // In an existing building the halls come long before the turbines, so the turbines alone set the delay.
        Plan memphis = new PlanReader(facts).read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json"))
                .replace("\"turbineSlotReserved\": false", "\"existingBuilding\": true, \"turbineSlotReserved\": false"));
        assertThat(memphis.flag("existingBuilding")).isTrue();
        FactBase grouped = onlyUncertain(Set.of("turbine.install_months", "turbine.heavy_duty.lead_months@2025-11-01"),
                "uniform@together");
        FactBase apart = onlyUncertain(Set.of("turbine.install_months", "turbine.heavy_duty.lead_months@2025-11-01"),
                "uniform");
        Uncertainty together = monteCarlo.run(memphis, grouped, 1000, 5, null);
        Uncertainty independent = monteCarlo.run(memphis, apart, 1000, 5, null);
        // Two delays that add up spread wider when their causes move together.
        int spreadTogether = together.delayMonths().p90() - together.delayMonths().p10();
        int spreadApart = independent.delayMonths().p90() - independent.delayMonths().p10();
        assertThat(spreadTogether).isGreaterThan(spreadApart);
    }

    @Test
    void aSampleCountOutsideTheLimitsIsRefused() throws IOException {
        Plan memphis = plan("memphis-onsite-gas-1gw.json");
        assertThatThrownBy(() -> monteCarlo.run(memphis, facts, 0, 1, null)).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> monteCarlo.run(memphis, facts, MonteCarlo.MAX_SAMPLES + 1, 1, null))
                .hasMessageContaining("between 1 and");
    }

    @Test
    void theWilsonIntervalHoldsItsKnownValues() {
        assertThat(MonteCarlo.wilson(0, 100).low()).isZero();
        assertThat(MonteCarlo.wilson(0, 100).high()).isCloseTo(0.037, within(0.001));
        assertThat(MonteCarlo.wilson(50, 100).low()).isCloseTo(0.4038, within(0.001));
        assertThat(MonteCarlo.wilson(50, 100).high()).isCloseTo(0.5962, within(0.001));
    }

    /** On time counts every sample whose phases all run in their target month, a wall binding inside that month or not. */
    @Test
    void onTimeIsEveryPhaseInItsTargetMonthAndNeverLessLikelyThanNoWallAtAll() throws Exception {
        for (String name : new String[] {"h100-expansion-feasible", "ohio-gas-engines", "southaven-gas-equipment-secured"}) {
            io.firstwall.plan.Plan plan = new io.firstwall.plan.PlanReader(io.firstwall.analysis.AnalysisFixtures.FACTS).read(
                    java.nio.file.Files.readString(java.nio.file.Path.of("data/plans/" + name + ".json")));
            Uncertainty u = new MonteCarlo(io.firstwall.analysis.AnalysisFixtures.ANALYZER).run(plan, io.firstwall.analysis.AnalysisFixtures.FACTS, 48, 5, null);
            assertThat(u.onTimeProbability()).as(name).isGreaterThanOrEqualTo(u.feasibleProbability()).isBetween(0.0, 1.0);
            if (name.startsWith("h100")) {
                assertThat(u.onTimeProbability()).isEqualTo(1.0);
            }
        }
    }
}

package io.firstwall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;

/**
 * How long "how sure" takes for the Memphis plan, side by side with the engine floor (a bare
 * Drools session from a {@link KieSessionsPool}: insert the plan, fire every rule, nothing
 * assembled) and one full analysis, in one JMH run. {@code main} prints the ratio
 * 1,000 samples ÷ (1,000 × floor ÷ cores), which the issue wants at most 2.5.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) io.firstwall.bench.MonteCarloBenchmark</pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MonteCarloBenchmark {

    Analyzer analyzer;
    FactBase facts;
    Plan memphis;
    KieSessionsPool pool;
    MonteCarlo monteCarlo;

    @Setup
    public void setUp() throws IOException {
        facts = FactCsvReader.read(Path.of("data"));
        RuleBase rules = RuleCompiler.compile(Path.of("rules"));
        analyzer = new Analyzer(rules);
        monteCarlo = new MonteCarlo(analyzer);
        memphis = new PlanReader(facts).read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
        KieBase kieBase = rules.kieBase();
        pool = kieBase.newKieSessionsPool(4);
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    /** The engine floor: a pooled session, the plan inserted, every rule fired, nothing assembled. */
    @Benchmark
    public Collection<?> engineFloorPooledSession() {
        KieSession session = pool.newKieSession();
        try {
            session.setGlobal(Analyzer.FACTS_GLOBAL, facts);
            session.insert(memphis);
            session.insert(facts.regions().get(memphis.location()));
            session.insert(facts.accelerators().get(memphis.accelerator()));
            session.fireAllRules();
            return session.getObjects();
        } finally {
            session.dispose();
        }
    }

    /** One full analysis, without the chart curves (as every sample runs). */
    @Benchmark
    public Analysis oneAnalysis() {
        return analyzer.analyze(memphis, facts, false);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Uncertainty samples1000() {
        return monteCarlo.run(memphis, facts, 1000, 1, null);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 3, time = 5)
    public Uncertainty samples10000() {
        return monteCarlo.run(memphis, facts, 10_000, 1, null);
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(MonteCarloBenchmark.class.getSimpleName())
                .build()).run();
        double floorUs = score(results, "engineFloorPooledSession");
        double thousandMs = score(results, "samples1000");
        int cores = Runtime.getRuntime().availableProcessors();
        double ideal = 1000 * floorUs / cores / 1000.0;
        System.out.printf("%nengine floor %.1f us, one analysis %.1f us, 1,000 samples %.1f ms, 10,000 samples %.1f ms"
                + " on %d cores%n", floorUs, score(results, "oneAnalysis"), thousandMs, score(results, "samples10000"),
                cores);
        System.out.printf("ratio 1,000 samples / (1,000 x floor / cores) = %.1f / %.1f = %.2f (target <= 2.5)%n",
                thousandMs, ideal, thousandMs / ideal);
    }

    private static double score(Collection<RunResult> results, String name) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + name)).findFirst()
                .orElseThrow().getPrimaryResult().getScore();
    }
}

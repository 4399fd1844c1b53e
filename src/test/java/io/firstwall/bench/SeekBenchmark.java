package io.firstwall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
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
import io.firstwall.seek.Seek;
import io.firstwall.seek.SeekRequest;
import io.firstwall.seek.SeekResult;
import io.firstwall.uncertainty.MonteCarlo;

/**
 * What would it take, timed on the Memphis plan beside one analysis of it, in one JMH run: the default
 * lever space in point answers (target at most 2 s on the 2-core machine) and with a confidence of 0.8
 * and 1,000 samples per finalist (at most 10 s). {@code main} prints the analyses per second inside the
 * point search against one analysis's rate (the floor of a search that only analyses), and the ratio.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) io.firstwall.bench.SeekBenchmark</pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SeekBenchmark {

    Analyzer analyzer;
    FactBase facts;
    PlanReader reader;
    Plan memphis;
    Seek seek;

    @Setup
    public void setUp() throws IOException {
        facts = FactCsvReader.read(Path.of("data"));
        RuleBase rules = RuleCompiler.compile(Path.of("rules"));
        analyzer = new Analyzer(rules);
        reader = new PlanReader(facts, rules.attributes());
        memphis = reader.read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
        seek = new Seek(analyzer, new MonteCarlo(analyzer));
    }

    /** One full analysis without curves, as the search runs each. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Analysis oneAnalysis() {
        return analyzer.analyze(memphis, facts, false);
    }

    /** The default lever space in point answers. */
    @Benchmark
    public SeekResult seekPoint() {
        return seek.seek(memphis, facts, reader, SeekRequest.point(), null);
    }

    /** With a confidence of 0.8: point answers screen, 1,000 samples judge each finalist. */
    @Benchmark
    @Warmup(iterations = 1, time = 10)
    @Measurement(iterations = 3, time = 10)
    public SeekResult seekConfidence() {
        return seek.seek(memphis, facts, reader, new SeekRequest(0.8, 1000, MonteCarlo.DEFAULT_SEED, Set.of(), 3, 5), null);
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(SeekBenchmark.class.getSimpleName()).build()).run();
        SeekBenchmark b = new SeekBenchmark();
        b.setUp();
        long analyses = b.seekPoint().analyses();
        double oneUs = score(results, "oneAnalysis");
        double pointMs = score(results, "seekPoint");
        double inSearch = analyses / (pointMs / 1000.0);
        double floor = 1e6 / oneUs;
        System.out.printf("%none analysis %.1f us (%.0f a second); seek in point answers %.1f ms for %d analyses (%.0f a"
                + " second inside the search, ratio %.2f of the floor); seek with confidence 0.8 and 1,000 samples %.1f ms%n",
                oneUs, floor, pointMs, analyses, inSearch, inSearch / floor, score(results, "seekConfidence"));
    }

    private static double score(Collection<RunResult> results, String name) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + name)).findFirst()
                .orElseThrow().getPrimaryResult().getScore();
    }
}

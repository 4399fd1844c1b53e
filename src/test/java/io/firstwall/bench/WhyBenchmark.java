package io.firstwall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Why;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleCompiler;

/**
 * "Why" for the Memphis plan beside its analysis, and the one-off build of the traced rule set
 * (probes cut and compiled with the rules), in one run. Run from the repository root.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class WhyBenchmark {

    RuleBase rules;
    Analyzer analyzer;
    Why why;
    FactBase facts;
    Plan memphis;

    @Setup
    public void setUp() throws IOException {
        facts = FactCsvReader.read(Path.of("data"));
        rules = RuleCompiler.compile(Path.of("rules"));
        analyzer = new Analyzer(rules);
        why = Why.of(rules);
        memphis = new PlanReader(facts).read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object analysis() {
        return analyzer.analyze(memphis, facts);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Why.RuleWhy> why() {
        return why.explain(memphis, facts);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Why build() {
        return Why.build(rules);
    }
}

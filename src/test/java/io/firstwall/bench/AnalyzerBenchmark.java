package io.firstwall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleCompiler;

/**
 * One full analysis (session, all rules of rules/, walls, first wall and cascade) of the
 * example plans in data/plans. Run from the repository root; see the README for the command.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
public class AnalyzerBenchmark {

    Analyzer analyzer;
    FactBase facts;
    List<Plan> plans;
    Plan memphis;

    @Setup
    public void setUp() throws IOException {
        facts = FactCsvReader.read(Path.of("data"));
        analyzer = new Analyzer(RuleCompiler.compile(Path.of("rules")));
        PlanReader reader = new PlanReader(facts);
        plans = new ArrayList<>();
        try (var files = Files.list(Path.of("data/plans"))) {
            for (Path f : files.sorted().toList()) {
                plans.add(reader.read(Files.readString(f)));
            }
        }
        memphis = reader.read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
    }

    /** Latency of one analysis of the Memphis plan (three walls in its cascade). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Analysis memphisLatency() {
        return analyzer.analyze(memphis, facts);
    }

    /** Throughput over all example plans on two threads (both cores), one analysis per call. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Analysis allPlansThroughput(Counter counter) {
        return analyzer.analyze(plans.get(counter.next(plans.size())), facts);
    }

    /** Round-robin over the plans, per thread. */
    @State(Scope.Thread)
    public static class Counter {
        int i;

        int next(int size) {
            i = (i + 1) % size;
            return i;
        }
    }
}

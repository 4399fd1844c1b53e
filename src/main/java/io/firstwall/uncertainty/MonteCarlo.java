package io.firstwall.uncertainty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.util.MathArrays;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.CpuWatch;
import io.firstwall.analysis.FactUse;
import io.firstwall.analysis.Schedule;
import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.Spread;
import io.firstwall.plan.Plan;

/**
 * Monte Carlo over the fact base with Latin hypercube sampling: each uncertain fact's range is cut
 * into as many equally likely strata as there are samples, each stratum is used once, in a random
 * order per fact (Apache Commons Math's Well19937c, seeded, so the same seed gives the same
 * numbers). Facts of one correlation group share their order, so they move together. Every sample
 * is analysed by the same rule base, in parallel on all cores; the results are read in sample
 * order, so the answer does not depend on the threads.
 *
 * <p>The facts sampled are those the point answer read, and those the answers at each such fact's
 * low and high read (a wall that appears only at the end of a range brings its facts in).
 */
public final class MonteCarlo {

    public static final int DEFAULT_SAMPLES = 1000;
    public static final int MAX_SAMPLES = 100_000;
    public static final long DEFAULT_SEED = 20261129L;

    /** What one sample (or one swing) answered. */
    record Outcome(String firstWall, LocalDate fullCapacityOn, Integer delayMonths, Integer[] phaseDelays) {

        static Outcome of(Analysis a) {
            List<Schedule> phases = Schedule.of(a);
            Schedule full = phases.get(phases.size() - 1);
            Integer[] delays = new Integer[phases.size()];
            for (int i = 0; i < delays.length; i++) {
                delays[i] = phases.get(i).delayMonths();
            }
            return new Outcome(a.firstWall() == null ? null : a.firstWall().factor(), full.achievable(), full.delayMonths(),
                    delays);
        }
    }

    private final Analyzer analyzer;
    private final ForkJoinPool pool;

    /** Samples run on {@code pool}. */
    public MonteCarlo(Analyzer analyzer, ForkJoinPool pool) {
        this.analyzer = analyzer;
        this.pool = pool;
    }

    /** Samples run on a pool of one thread per core (the common pool has one fewer). */
    public MonteCarlo(Analyzer analyzer) {
        this(analyzer, SAMPLERS);
    }

    private static final ForkJoinPool SAMPLERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    /**
     * The uncertainty of {@code plan}'s answer on {@code facts}.
     *
     * @param progress told the number of samples done, now and then; may be null
     * @throws IllegalArgumentException when {@code samples} is outside 1..{@value #MAX_SAMPLES}
     */
    public Uncertainty run(Plan plan, FactBase facts, int samples, long seed, IntConsumer progress) {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be between 1 and " + MAX_SAMPLES + "; got " + samples);
        }
        Analysis point = analyzer.analyze(plan, facts, false);
        Outcome pointOutcome = Outcome.of(point);
        Map<String, Outcome[]> swings = new LinkedHashMap<>();
        List<Fact> uncertain = uncertainFacts(plan, facts, point, swings);

        // Latin hypercube: one shuffled column of strata per fact, or per correlation group.
        RandomGenerator random = new Well19937c(seed);
        Map<String, double[]> columns = new HashMap<>();
        double[][] values = new double[uncertain.size()][samples];
        for (int f = 0; f < uncertain.size(); f++) {
            Fact fact = uncertain.get(f);
            String group = fact.spread().group();
            double[] u = group == null ? null : columns.get(group);
            if (u == null) {
                int[] strata = MathArrays.natural(samples);
                MathArrays.shuffle(strata, random);
                u = new double[samples];
                for (int i = 0; i < samples; i++) {
                    u[i] = (strata[i] + random.nextDouble()) / samples;
                }
                if (group != null) {
                    columns.put(group, u);
                }
            }
            DoubleUnaryOperator inverse = Distributions.inverse(fact);
            for (int i = 0; i < samples; i++) {
                values[f][i] = inverse.applyAsDouble(u[i]);
            }
        }

        Outcome[] outcomes = new Outcome[samples];
        AtomicInteger done = new AtomicInteger();
        int every = Math.max(1, samples / 20);
        // The threads analysing a sample now: a sample stuck in a rule ends the run, and the other
        // samples are not started.
        Set<Thread> sampling = ConcurrentHashMap.newKeySet();
        AtomicBoolean givenUp = new AtomicBoolean();
        Runnable all = () -> IntStream.range(0, samples).parallel().forEach(i -> {
            if (givenUp.get()) {
                return;
            }
            Map<String, Double> sample = new HashMap<>();
            for (int f = 0; f < uncertain.size(); f++) {
                sample.put(uncertain.get(f).id(), values[f][i]);
            }
            sampling.add(Thread.currentThread());
            try {
                outcomes[i] = Outcome.of(analyzer.analyze(plan, facts.withSamples(sample), false));
            } finally {
                sampling.remove(Thread.currentThread());
            }
            int n = done.incrementAndGet();
            if (progress != null && (n % every == 0 || n == samples)) {
                progress.accept(n);
            }
        });
        Future<?> run = pool.submit(all);
        try {
            while (true) {
                try {
                    run.get(20, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    Optional<Thread> stuck = sampling.stream().filter(CpuWatch::isStuck).findFirst();
                    if (stuck.isPresent()) {
                        givenUp.set(true);
                        throw new AnalysisException("a sample of the uncertainty run got stuck: " + CpuWatch.overrun(stuck.get())
                                .map(CpuWatch.Overrun::describe).orElse("it ran past its CPU budget"), null);
                    }
                }
            }
        } catch (InterruptedException e) {
            givenUp.set(true);
            Thread.currentThread().interrupt();
            throw new AnalysisException("the uncertainty run was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new AnalysisException(e.getCause().toString(), e);
        }
        return summarize(samples, seed, uncertain, values, outcomes, swings, pointOutcome);
    }

    /**
     * The facts to sample: those with a range that the point answer read, and, a swing at a time,
     * those that the answers at each such fact's low and high read. The swings are kept for the
     * sensitivity table.
     */
    private List<Fact> uncertainFacts(Plan plan, FactBase facts, Analysis point, Map<String, Outcome[]> swings) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(point.facts().stream().map(FactUse::id).toList());
        List<Fact> uncertain = new ArrayList<>();
        while (!queue.isEmpty()) {
            String id = queue.remove(0);
            if (!seen.add(id)) {
                continue;
            }
            Fact fact = facts.fact(id).orElse(null);
            if (fact == null || fact.spread().shape() == Spread.Shape.FIXED) {
                continue;
            }
            uncertain.add(fact);
            Analysis low = analyzer.analyze(plan, facts.withSamples(Map.of(id, fact.low())), false);
            Analysis high = analyzer.analyze(plan, facts.withSamples(Map.of(id, fact.high())), false);
            swings.put(id, new Outcome[] {Outcome.of(low), Outcome.of(high)});
            low.facts().forEach(u -> queue.add(u.id()));
            high.facts().forEach(u -> queue.add(u.id()));
        }
        uncertain.sort(Comparator.comparing(Fact::id));
        return uncertain;
    }

    private static Uncertainty summarize(int n, long seed, List<Fact> uncertain, double[][] values, Outcome[] outcomes,
            Map<String, Outcome[]> swings, Outcome point) {
        Map<String, Integer> counts = new TreeMap<>();
        int feasible = 0;
        int open = 0;
        for (Outcome o : outcomes) {
            if (o.firstWall() == null) {
                feasible++;
            } else {
                counts.merge(o.firstWall(), 1, Integer::sum);
            }
            if (o.delayMonths() == null) {
                open++;
            }
        }
        Map<String, Double> probability = new LinkedHashMap<>();
        Map<String, Uncertainty.Interval> intervals = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> {
                    probability.put(e.getKey(), (double) e.getValue() / n);
                    intervals.put(e.getKey(), wilson(e.getValue(), n));
                });
        intervals.put("feasible", wilson(feasible, n));

        // Open-ended delays rank above every finite one.
        double[] delay = new double[n];
        Integer[] delays = new Integer[n];
        LocalDate[] dates = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            delays[i] = outcomes[i].delayMonths();
            dates[i] = outcomes[i].fullCapacityOn();
            delay[i] = delays[i] == null ? Double.MAX_VALUE : delays[i];
        }
        Arrays.sort(delays, Comparator.nullsLast(Comparator.naturalOrder()));
        Arrays.sort(dates, Comparator.nullsLast(Comparator.naturalOrder()));
        List<Uncertainty.Percentiles<Integer>> phaseDelays = new ArrayList<>();
        for (int k = 0; k < point.phaseDelays().length; k++) {
            Integer[] phase = new Integer[n];
            for (int i = 0; i < n; i++) {
                phase[i] = outcomes[i].phaseDelays()[k];
            }
            Arrays.sort(phase, Comparator.nullsLast(Comparator.naturalOrder()));
            phaseDelays.add(new Uncertainty.Percentiles<>(percentile(phase, 0.1), percentile(phase, 0.5),
                    percentile(phase, 0.9)));
        }

        List<Uncertainty.Sensitivity> sensitivity = new ArrayList<>();
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        for (int f = 0; f < uncertain.size(); f++) {
            Fact fact = uncertain.get(f);
            double rho = n < 3 ? Double.NaN : spearman.correlation(values[f], delay);
            Outcome[] swing = swings.get(fact.id());
            boolean flips = !Objects.equals(swing[0].firstWall(), point.firstWall())
                    || !Objects.equals(swing[1].firstWall(), point.firstWall());
            sensitivity.add(new Uncertainty.Sensitivity(fact.id(), fact.unit(), fact.low(), fact.high(),
                    Double.isNaN(rho) ? 0 : Math.round(rho * 1000) / 1000.0, swing[0].delayMonths(),
                    swing[1].delayMonths(), flips, swing[0].firstWall(), swing[1].firstWall()));
        }
        sensitivity.sort(Comparator.comparingDouble((Uncertainty.Sensitivity s) -> -Math.abs(s.rankCorrelation()))
                .thenComparing(Comparator.comparingDouble(MonteCarlo::swing).reversed())
                .thenComparing(Uncertainty.Sensitivity::fact));
        int onTime = 0;
        for (Outcome o : outcomes) {
            onTime += java.util.Arrays.stream(o.phaseDelays()).allMatch(d -> d != null && d == 0) ? 1 : 0;
        }
        return new Uncertainty(n, seed, probability, (double) feasible / n, intervals,
                new Uncertainty.Percentiles<>(percentile(dates, 0.1), percentile(dates, 0.5), percentile(dates, 0.9)),
                new Uncertainty.Percentiles<>(percentile(delays, 0.1), percentile(delays, 0.5), percentile(delays, 0.9)),
                (double) open / n, sensitivity, curve(dates), point.firstWall(), point.delayMonths(), phaseDelays,
                (double) onTime / n);
    }

    /** The date by which each 5% of the samples have full capacity (sorted, open-ended last). */
    private static List<Uncertainty.CurvePoint> curve(LocalDate[] sorted) {
        List<Uncertainty.CurvePoint> points = new ArrayList<>();
        for (int k = 1; k <= 20; k++) {
            LocalDate date = percentile(sorted, k / 20.0);
            if (date == null) {
                break;
            }
            points.add(new Uncertainty.CurvePoint(date, k / 20.0));
        }
        return points;
    }

    /** The size of a one-at-a-time swing in months, an open-ended end counting as the longest. */
    private static double swing(Uncertainty.Sensitivity s) {
        double low = s.lowDelayMonths() == null ? 10_000 : s.lowDelayMonths();
        double high = s.highDelayMonths() == null ? 10_000 : s.highDelayMonths();
        return Math.abs(high - low) + (s.flipsFirstWall() ? 0.5 : 0);
    }

    /** The nearest-rank percentile of sorted values (nulls, open-ended, last). */
    private static <T> T percentile(T[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The Wilson score interval (95%) of {@code k} successes in {@code n}. */
    static Uncertainty.Interval wilson(int k, int n) {
        double z = 1.959963984540054;
        double p = (double) k / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
        return new Uncertainty.Interval(Math.max(0, round(centre - half)), Math.min(1, round(centre + half)));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}

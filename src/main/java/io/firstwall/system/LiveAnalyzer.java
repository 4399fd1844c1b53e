package io.firstwall.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.CpuWatch;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.analysis.StuckAnalysis;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.seek.LiveSeek;
import io.firstwall.seek.Seek;
import io.firstwall.seek.SeekRequest;
import io.firstwall.seek.SeekResult;
import io.firstwall.uncertainty.LiveUncertainty;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;

/**
 * The rule base and fact base the app serves with. At start the fact CSVs are checked and loaded
 * into H2 and the rules are compiled; if either is broken the app does not start. Later swaps are
 * atomic: an analysis holds the analyzer it started with.
 */
// A publish interrupted by a crash is finished or undone before the rules and facts are read.
@DependsOn("publishRecovery")
@Component
public class LiveAnalyzer implements LiveAnalysis, LiveUncertainty, LiveSeek {

    private static final Logger log = LoggerFactory.getLogger(LiveAnalyzer.class);

    /** Analyses are CPU work: one runs per core at a time, the rest wait their user's turn. */
    private static final int SLOTS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** How often a request waiting for its analysis looks whether it got stuck. */
    private static final long LOOK_MILLIS = 20;
    private final FairSlots slots = new FairSlots(SLOTS);
    /**
     * Analyses run on these threads, never on the request's: a request can give up on one that is
     * stuck in a rule and hand its slot to the next, while the thread finishes on its own.
     */
    private final ExecutorService runners = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "firstwall-analysis-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });
    /** What a rule set left stuck: rule set version to what happened, newest last. */
    private final Map<String, List<StuckAnalysis>> stuck = new ConcurrentHashMap<>();
    private final AtomicReference<Analyzer> analyzer = new AtomicReference<>();
    private final Duration budget;
    private final SamplingLimits sampling;
    private final AtomicReference<FactBase> facts = new AtomicReference<>();
    private final Map<String, Instant> lastFired = new ConcurrentHashMap<>();
    /** The fact files the app started with, path under the data directory to text. */
    private final Map<String, String> factFilesAtStart;
    /** The fact files the live fact base was read from. */
    private volatile Map<String, String> factFiles;
    public LiveAnalyzer(FirstwallProperties properties, FactStore store, SamplingLimits sampling) {
        factFilesAtStart = Collections.unmodifiableMap(FactCsvReader.texts(properties.dataDir()));
        FactBase fromCsv = FactCsvReader.read(factFilesAtStart);
        RuleBase rules = RuleCompiler.compile(properties.rulesDir());
        loadFacts(store, fromCsv);
        factFiles = factFilesAtStart;
        facts.set(store.load().withVersion(Hashes.ofFiles(factFilesAtStart)));
        budget = properties.analysisBudget();
        this.sampling = sampling;
        analyzer.set(analyzerFor(rules));
        log.info("Serving {} rules (rule set {}) over {} facts from {} and {}", rules.rules().size(), rules.version(),
                fromCsv.facts().size(), properties.rulesDir().toAbsolutePath(), properties.dataDir().toAbsolutePath());
    }

    /**
     * Loads the facts into the database. Several nodes (or batch workers) starting at once on one database
     * load the same files at the same moment; the one that loses the race tries again on what the winner wrote.
     */
    private static void loadFacts(FactStore store, FactBase fromCsv) {
        for (int attempt = 1;; attempt++) {
            try {
                store.replaceAll(fromCsv);
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw e;
                }
                log.info("Another node loaded the facts at the same moment; loading them again");
            }
        }
    }

    /** The fact files as read at start, from which the first fact base was loaded. */
    public Map<String, String> factFilesAtStart() {
        return factFilesAtStart;
    }

    public Analyzer analyzer() {
        return analyzer.get();
    }

    public FactBase facts() {
        return facts.get();
    }

    public PlanReader planReader() {
        return new PlanReader(facts.get(), analyzer.get().rules().attributes());
    }

    /**
     * Swaps the live rule base. Analyses already running finish on the rule base they started with;
     * the next ones use the new one.
     */
    public void swapRules(RuleBase rules) {
        analyzer.set(analyzerFor(rules));
        log.info("Now serving rule set {} ({} rules)", rules.version(), rules.rules().size());
    }

    /** Swaps the live fact base, read from {@code files}, in the same way. */
    public void swapFacts(FactBase next, Map<String, String> files) {
        Map<String, String> copy = Collections.unmodifiableMap(new TreeMap<>(files));
        facts.set(next.withVersion(Hashes.ofFiles(copy)));
        factFiles = copy;
        log.info("Now serving fact base {} ({} facts)", facts.get().version(), next.facts().size());
    }

    /** The fact files the live fact base was read from, path under the data directory to text. */
    public Map<String, String> factFiles() {
        return factFiles;
    }

    /** Analyzes for a report: the same answer, without the chart curves. */
    public Analysis analyzeForReport(Plan plan, Map<String, Double> overrides) {
        return inSlot(plan, overrides, false);
    }

    /** Analyzes against the live rules and facts, with optional fact overrides (a scenario). */
    public Analysis analyze(Plan plan, Map<String, Double> overrides) {
        return inSlot(plan, overrides, true);
    }

    /** What decides a Monte Carlo answer: the rule base and fact base it ran on, the plan, overrides, count, seed. */
    private record UncertaintyKey(Analyzer analyzer, FactBase facts, Plan plan, Map<String, Double> overrides,
            int samples, long seed) {
    }

    /**
     * The last answers, reused while the rules, facts and question are the same: a what-if that
     * refreshes as the analyst types asks for the base plan's odds again with every keystroke.
     */
    private final Map<UncertaintyKey, Uncertainty> recentUncertainty = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UncertaintyKey, Uncertainty> eldest) {
                    return size() > 64;
                }
            });

    /**
     * Monte Carlo over the live facts with the live rules, on all cores; it takes one analysis slot,
     * like any analysis. The same seed gives the same numbers, so an answer already computed on the
     * same rule and fact bases is returned again. Each user may run as many at a time as
     * {@link SamplingLimits} allow, of at most so many samples; past that, a {@link TooBusyException}.
     */
    public Uncertainty uncertainty(Plan plan, Map<String, Double> overrides, int samples, long seed) {
        SamplingLimits.Limits now = sampling.limits();
        if (samples > now.maxSamples()) {
            throw new IllegalArgumentException("samples must be between 1 and " + now.maxSamples()
                    + " (the most an administrator allows per request); got " + samples);
        }
        Analyzer current = analyzer.get();
        FactBase live = facts.get();
        UncertaintyKey key = new UncertaintyKey(current, live, plan, Map.copyOf(overrides), samples, seed);
        Uncertainty known = recentUncertainty.get(key);
        if (known != null) {
            return known;
        }
        String user = currentUser();
        // The quota is for people sharing the service; the nightly batch (no user) paces itself by its chunks.
        boolean counted = !user.equals(SYSTEM);
        if (counted) {
            sampling.enter(user, now);
        }
        try {
            Uncertainty u = inSlot(plan, user, () -> new MonteCarlo(current).run(plan, live.withOverrides(overrides),
                    samples, seed, null));
            recentUncertainty.put(key, u);
            return u;
        } finally {
            if (counted) {
                sampling.leave(user);
            }
        }
    }

    private record SeekKey(Analyzer analyzer, FactBase facts, Plan plan, SeekRequest request) {
    }

    /** The last searches, reused while the rules, facts and question are the same (the analysis page asks on every visit). */
    private final Map<SeekKey, SeekResult> recentSeeks = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<SeekKey, SeekResult> eldest) {
                    return size() > 32;
                }
            });

    /**
     * Seek over the live rules, levers and facts, in one analysis slot like any analysis; with samples it
     * counts against the user's sampling quota as Monte Carlo does.
     */
    @Override
    public SeekResult seek(Plan plan, SeekRequest request) {
        SamplingLimits.Limits now = sampling.limits();
        if (request.samples() > now.maxSamples()) {
            throw new IllegalArgumentException("samples must be between 1 and " + now.maxSamples()
                    + " (the most an administrator allows per request); got " + request.samples());
        }
        Analyzer current = analyzer.get();
        FactBase live = facts.get();
        SeekKey key = new SeekKey(current, live, plan, request);
        SeekResult known = recentSeeks.get(key);
        if (known != null) {
            return known;
        }
        String user = currentUser();
        boolean counted = request.samples() > 0 && !user.equals(SYSTEM);
        if (counted) {
            sampling.enter(user, now);
        }
        try {
            PlanReader reader = new PlanReader(live, current.rules().attributes());
            SeekResult r = inSlot(plan, user, () -> new Seek(current, new MonteCarlo(current)).seek(plan, live, reader,
                    request, null));
            recentSeeks.put(key, r);
            return r;
        } finally {
            if (counted) {
                sampling.leave(user);
            }
        }
    }

    private Analysis inSlot(Plan plan, Map<String, Double> overrides, boolean curves) {
        Analyzer current = analyzer.get();
        FactBase live = facts.get().withOverrides(overrides);
        return fired(inSlot(plan, currentUser(), () -> current.analyze(plan, live, curves)));
    }

    /**
     * Runs analysis work in a slot, on a runner thread. The request waits for it; when the work is
     * stuck past its CPU budget in one rule ({@link CpuWatch#isStuck}), the request gives up with a
     * clear refusal and the slot goes to the next analysis at once. The same plan is not run again on
     * the same rule set while it is still stuck there.
     */
    private <T> T inSlot(Plan plan, String user, Supplier<T> work) {
        String version = analyzer.get().rules().version();
        stuckOn(version, plan).ifPresent(s -> {
            throw new AnalysisException("this plan is still stuck in the live rules (" + s.describe()
                    + "); it is not analysed again until an expert fixes or reverts the rule", null);
        });
        slots.acquire(user);
        try {
            AtomicReference<Thread> runner = new AtomicReference<>();
            Future<T> result = runners.submit(() -> {
                runner.set(Thread.currentThread());
                try {
                    return work.get();
                } finally {
                    runner.set(null);
                }
            });
            while (true) {
                try {
                    return result.get(LOOK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    Thread thread = runner.get();
                    if (thread != null && CpuWatch.isStuck(thread)) {
                        StuckAnalysis s = new StuckAnalysis(version, plan, thread, CpuWatch.overrun(thread).orElse(null), Instant.now());
                        stuck.computeIfAbsent(version, v -> new CopyOnWriteArrayList<>()).add(s);
                        throw new AnalysisException(s.describe() + ", and was given up; its slot went to the next"
                                + " analysis, and the rule set is flagged for the experts on the rules page", null);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new AnalysisException("the analysis failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisException("the analysis was interrupted", e);
        } finally {
            slots.release();
        }
    }

    private Optional<StuckAnalysis> stuckOn(String version, Plan plan) {
        return stuck.getOrDefault(version, List.of()).stream()
                .filter(s -> s.plan().equals(plan) && s.stillRunning()).findFirst();
    }

    @Override
    public List<StuckAnalysis> stuckAnalyses() {
        List<StuckAnalysis> list = new ArrayList<>(stuck.getOrDefault(analyzer.get().rules().version(), List.of()));
        Collections.reverse(list);
        return list;
    }

    private Analyzer analyzerFor(RuleBase rules) {
        return new Analyzer(rules, budget, overrun -> log.warn("Rule set {} left an analysis stuck: {}; it is given up"
                + " and flagged on the rules page", rules.version(), overrun.describe()));
    }

    /** Who runs work that no signed-in user asked for: the nightly batch, start-up. */
    private static final String SYSTEM = "system";

    /** The user a request runs for: the signed-in name, or the system (the batch, start-up). */
    private static String currentUser() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who.getName() == null ? SYSTEM : who.getName();
    }

    /** How many slots analyses share, one per core (at least two). */
    public int slots() {
        return SLOTS;
    }

    /** Stops the runner threads. */
    @PreDestroy
    void stop() {
        runners.shutdownNow();
    }

    private Analysis fired(Analysis a) {
        Instant now = Instant.now();
        a.rulesFired().forEach(id -> lastFired.put(id, now));
        return a;
    }

    /** When each rule last fired in this app (rule id to time). */
    public Map<String, Instant> lastFired() {
        return Collections.unmodifiableMap(lastFired);
    }
}

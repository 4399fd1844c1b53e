package io.firstwall.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleCompiler;
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
public class LiveAnalyzer implements LiveAnalysis, LiveUncertainty {

    private static final Logger log = LoggerFactory.getLogger(LiveAnalyzer.class);

    /** Analyses are CPU work: one runs per core at a time, the rest queue in order. */
    private static final int SLOTS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final Semaphore slots = new Semaphore(SLOTS, true);
    private final AtomicReference<Analyzer> analyzer = new AtomicReference<>();
    private final Duration budget;
    private final AtomicReference<FactBase> facts = new AtomicReference<>();
    private final Map<String, Instant> lastFired = new ConcurrentHashMap<>();
    /** The fact files the app started with, path under the data directory to text. */
    private final Map<String, String> factFilesAtStart;
    /** The fact files the live fact base was read from. */
    private volatile Map<String, String> factFiles;

    public LiveAnalyzer(FirstwallProperties properties, FactStore store) {
        factFilesAtStart = Collections.unmodifiableMap(FactCsvReader.texts(properties.dataDir()));
        FactBase fromCsv = FactCsvReader.read(factFilesAtStart);
        RuleBase rules = RuleCompiler.compile(properties.rulesDir());
        loadFacts(store, fromCsv);
        factFiles = factFilesAtStart;
        facts.set(store.load().withVersion(Hashes.ofFiles(factFilesAtStart)));
        budget = properties.analysisBudget();
        analyzer.set(new Analyzer(rules, budget));
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
        analyzer.set(new Analyzer(rules, budget));
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
     * like any analysis, so publishes still get theirs. The same seed gives the same numbers, so an
     * answer already computed on the same rule and fact bases is returned again.
     */
    public Uncertainty uncertainty(Plan plan, Map<String, Double> overrides, int samples, long seed) {
        Analyzer current = analyzer.get();
        FactBase live = facts.get();
        UncertaintyKey key = new UncertaintyKey(current, live, plan, Map.copyOf(overrides), samples, seed);
        Uncertainty known = recentUncertainty.get(key);
        if (known != null) {
            return known;
        }
        slots.acquireUninterruptibly();
        try {
            Uncertainty u = new MonteCarlo(current).run(plan, live.withOverrides(overrides), samples, seed, null);
            recentUncertainty.put(key, u);
            return u;
        } finally {
            slots.release();
        }
    }

    private Analysis inSlot(Plan plan, Map<String, Double> overrides, boolean curves) {
        slots.acquireUninterruptibly();
        try {
            return fired(analyzer.get().analyze(plan, facts.get().withOverrides(overrides), curves));
        } finally {
            slots.release();
        }
    }

    /**
     * Runs a publish ahead of the crowd: it takes all analysis slots but one while it checks and
     * writes, so that two dozen clients analysing at once slow it down by half, not twenty-five times.
     */
    public <T> T withPriority(Supplier<T> publish) {
        int take = SLOTS - 1;
        slots.acquireUninterruptibly(take);
        try {
            return publish.get();
        } finally {
            slots.release(take);
        }
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

package io.firstwall.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
 * Analyses against one fixed rule set and fact base, given as their files: what a batch worker uses,
 * so that every partition of a run is analysed against the versions the run started with, whatever
 * was published since. The rule files pass the same allowlist and compile as a publish.
 */
public final class PinnedAnalysis implements LiveAnalysis, LiveUncertainty {

    private final Analyzer analyzer;
    private final FactBase facts;
    private final Map<String, String> factFiles;

    public PinnedAnalysis(Map<String, String> ruleFiles, Map<String, String> factFiles, Duration budget) {
        RuleBase rules = RuleCompiler.compile(ruleFiles);
        this.analyzer = new Analyzer(rules, budget);
        this.factFiles = Map.copyOf(factFiles);
        this.facts = FactCsvReader.read(factFiles).withVersion(Hashes.ofFiles(factFiles));
    }

    @Override
    public Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public FactBase facts() {
        return facts;
    }

    @Override
    public Map<String, String> factFiles() {
        return factFiles;
    }

    @Override
    public PlanReader planReader() {
        return new PlanReader(facts, analyzer.rules().attributes());
    }

    @Override
    public Analysis analyze(Plan plan, Map<String, Double> overrides) {
        return analyzer.analyze(plan, facts.withOverrides(overrides), true);
    }

    @Override
    public Analysis analyzeForReport(Plan plan, Map<String, Double> overrides) {
        return analyzer.analyze(plan, facts.withOverrides(overrides), false);
    }

    @Override
    public Uncertainty uncertainty(Plan plan, Map<String, Double> overrides, int samples, long seed) {
        return new MonteCarlo(analyzer).run(plan, facts.withOverrides(overrides), samples, seed, null);
    }

    @Override
    public Map<String, Instant> lastFired() {
        return Map.of();
    }
}

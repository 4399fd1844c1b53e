package io.firstwall.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.firstwall.facts.FactBase;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;

/**
 * What features ask of the live rules and facts: analyses, the fact base, a plan reader. The runtime
 * implements it (one rule base and one fact base at a time, swapped on publish); web slices mock it.
 */
public interface LiveAnalysis {

    /** The analyzer over the live rule base. */
    Analyzer analyzer();

    /** The live fact base. */
    FactBase facts();

    /** What the live rule set left stuck, newest first: the rules page flags the rule set with it. */
    default List<StuckAnalysis> stuckAnalyses() {
        return List.of();
    }

    /** The fact files the live fact base was read from, path under the data directory to text. */
    Map<String, String> factFiles();

    /** A plan reader checking plans against the live fact base's regions and accelerators. */
    PlanReader planReader();

    /** Analyzes against the live rules and facts, with optional fact overrides (a scenario). */
    Analysis analyze(Plan plan, Map<String, Double> overrides);

    /** The same answer without the chart curves, for reports. */
    Analysis analyzeForReport(Plan plan, Map<String, Double> overrides);

    /** When each rule last fired in this app (rule id to time). */
    Map<String, Instant> lastFired();
}

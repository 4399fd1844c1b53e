package io.firstwall.editing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.MissingFactException;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.PlanReader;
import io.firstwall.plans.SavedPlan;

/** Every saved plan's first wall before and after an edit of the rules or the facts, changes first. */
final class ImpactPreview {

    private ImpactPreview() {
    }

    static List<Impact> of(List<SavedPlan> plans, Analyzer before, FactBase factsBefore, Analyzer after,
            FactBase factsAfter) {
        PlanReader readBefore = new PlanReader(factsBefore);
        PlanReader readAfter = factsAfter == factsBefore ? readBefore : new PlanReader(factsAfter);
        List<Impact> rows = new ArrayList<>();
        for (SavedPlan saved : plans) {
            String b = outcome(() -> before.analyze(readBefore.read(saved.json()), factsBefore, false));
            String a = outcome(() -> after.analyze(readAfter.read(saved.json()), factsAfter, false));
            rows.add(new Impact(saved.id(), saved.name(), b, a, !a.equals(b)));
        }
        rows.sort(Comparator.comparing((Impact i) -> !i.changed()).thenComparing(Impact::name));
        return rows;
    }

    private static String outcome(Supplier<Analysis> analysis) {
        try {
            return describe(analysis.get());
        } catch (InvalidPlanException | AnalysisException | MissingFactException | IllegalArgumentException e) {
            return "cannot be analysed: " + e.getMessage();
        }
    }

    static String describe(Analysis a) {
        return a.firstWall() == null ? "feasible" : a.firstWall().factor() + " on " + a.firstWall().bindsOn()
                + ", slip " + (a.firstWall().slipMonths() == null ? "open-ended" : a.firstWall().slipMonths() + " months")
                + (a.cascade().size() > 1 ? "; cascade " + String.join(" > ", a.cascade()) : "");
    }
}

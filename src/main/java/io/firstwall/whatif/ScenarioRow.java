package io.firstwall.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Format;
import io.firstwall.plan.Phase;
import io.firstwall.plan.Plan;
import io.firstwall.analysis.LiveAnalysis;

/** A saved scenario with its analysis and, in words, how it differs from the base plan. */
public record ScenarioRow(Scenario scenario, Analysis analysis, List<String> changes) {

    public static ScenarioRow of(Scenario s, Plan base, LiveAnalysis live) {
        Plan plan = live.planReader().read(s.planJson());
        return new ScenarioRow(s, live.analyze(plan, s.overrides()), changes(base, plan, s, live));
    }

    static List<String> changes(Plan base, Plan plan, Scenario s, LiveAnalysis live) {
        List<String> changes = new ArrayList<>();
        diff(changes, "name", base.name(), plan.name());
        diff(changes, "location", base.location(), plan.location());
        diff(changes, "power", base.power(), plan.power());
        diff(changes, "accelerator", base.accelerator(), plan.accelerator());
        diff(changes, "decision date", base.decisionDate(), plan.decisionDate());
        int phases = Math.max(base.phases().size(), plan.phases().size());
        for (int i = 0; i < phases; i++) {
            Phase b = i < base.phases().size() ? base.phases().get(i) : null;
            Phase p = i < plan.phases().size() ? plan.phases().get(i) : null;
            if (!Objects.equals(b, p)) {
                changes.add("phase " + (i + 1) + ": " + phase(b) + " \u2192 " + phase(p));
            }
        }
        Set<String> keys = new TreeSet<>(base.attributes().keySet());
        keys.addAll(plan.attributes().keySet());
        for (String key : keys) {
            Object before = base.attributes().get(key);
            Object after = plan.attributes().get(key);
            if (!Objects.equals(before, after)) {
                changes.add(key + ": " + attribute(before) + " \u2192 " + attribute(after));
            }
        }
        s.overrides().forEach((id, v) -> {
            String unit = live.facts().fact(id).map(f -> f.unit()).orElse("");
            changes.add(id + " = " + Format.valueWithUnit(v, unit) + " (fact base: "
                    + (live.facts().fact(id).isPresent() ? Format.valueWithUnit(live.facts().at(id, plan.decisionDate()).value(),
                            unit) : "?") + ")");
        });
        if (changes.isEmpty()) {
            changes.add("no change from the base plan");
        }
        return changes;
    }

    private static String phase(Phase p) {
        return p == null ? "none" : Format.num(p.accelerators()) + " accelerators by " + Format.month(p.online());
    }

    private static String attribute(Object v) {
        return v == null ? "not set" : v instanceof Boolean b ? (b ? "yes" : "no") : v.toString();
    }

    private static void diff(List<String> changes, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + before + " \u2192 " + after);
        }
    }
}

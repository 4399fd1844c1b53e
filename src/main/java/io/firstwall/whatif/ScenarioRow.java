package io.firstwall.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Format;
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
        if (!base.phases().equals(plan.phases())) {
            changes.add("phases changed");
        }
        if (!base.attributes().equals(plan.attributes())) {
            changes.add("attributes: " + plan.attributes());
        }
        s.overrides().forEach((id, v) -> changes.add(id + " = " + Format.num(v) + " (fact base: "
                + live.facts().fact(id).map(f -> Format.num(f.value())).orElse("?") + ")"));
        if (changes.isEmpty()) {
            changes.add("no change from the base plan");
        }
        return changes;
    }

    private static void diff(List<String> changes, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + before + " \u2192 " + after);
        }
    }
}

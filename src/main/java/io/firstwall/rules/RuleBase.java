package io.firstwall.rules;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

import io.firstwall.plan.Attributes;
import io.firstwall.plan.Levers;

/**
 * A compiled rule set, shared by every analysis on every thread; each analysis opens its own
 * session on it. {@code version} is a hash of the files it was built from; {@code attributes} the
 * plan attributes its rules read, as {@code attributes.csv} declares them; {@code levers} what a planner
 * can change in a plan and at what cost ({@code levers.csv}), for seeking what would put a plan on time.
 */
public record RuleBase(KieBase kieBase, String version, List<RuleInfo> rules, Map<String, String> files,
        Attributes attributes, Levers levers) {

    public RuleBase {
        rules = List.copyOf(rules);
        files = Map.copyOf(files);
    }
}

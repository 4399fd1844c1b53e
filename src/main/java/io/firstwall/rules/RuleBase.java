package io.firstwall.rules;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

/**
 * A compiled rule set, shared by every analysis on every thread; each analysis opens its own
 * session on it. {@code version} is a hash of the files it was built from.
 */
public record RuleBase(KieBase kieBase, String version, List<RuleInfo> rules, Map<String, String> files) {

    public RuleBase {
        rules = List.copyOf(rules);
        files = Map.copyOf(files);
    }
}

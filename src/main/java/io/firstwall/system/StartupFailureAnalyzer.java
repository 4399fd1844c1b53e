package io.firstwall.system;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import io.firstwall.facts.FactLoadException;
import io.firstwall.rules.RuleBuildException;

/** Says plainly why the app refused to start: a rule set that does not compile, or a broken fact base. */
public class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RuleBuildException e) {
                return new FailureAnalysis("firstwall will not start: " + e.getMessage(),
                        "Fix the rule files named above (file:line:column), or point firstwall.rules-dir at a "
                                + "working rule set. The app never starts without rules.", e);
            }
            if (t instanceof FactLoadException e) {
                return new FailureAnalysis("firstwall will not start: " + e.getMessage(),
                        "Fix the CSV rows named above (file:line) in the data directory (firstwall.data-dir).", e);
            }
        }
        return null;
    }
}

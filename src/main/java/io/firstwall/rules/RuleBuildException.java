package io.firstwall.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile. The rule base that was serving, if any, keeps serving. */
public class RuleBuildException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleBuildException(List<RuleProblem> problems) {
        super("the rule set does not compile:\n  "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}

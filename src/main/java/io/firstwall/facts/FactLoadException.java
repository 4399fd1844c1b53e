package io.firstwall.facts;

import java.util.List;

/** The fact base could not be read; each problem names its file and line. Nothing was loaded. */
public class FactLoadException extends RuntimeException {

    private final List<String> problems;

    public FactLoadException(List<String> problems) {
        super("The fact base has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

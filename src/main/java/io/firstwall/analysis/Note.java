package io.firstwall.analysis;

import java.util.List;

import io.firstwall.rules.Factors;

/** Context a rule adds to a factor without limiting it (say, the DRAM price trend). */
public record Note(String factor, String ruleId, String text, List<String> factIds) {

    public Note {
        Factors.checked(factor);
        factIds = List.copyOf(factIds);
    }
}

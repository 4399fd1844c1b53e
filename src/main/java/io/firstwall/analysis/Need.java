package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.List;

import io.firstwall.rules.Factors;

/**
 * What a phase asks of one factor, in that factor's unit (MW, TB of HBM, accelerators, tonnes to
 * orbit ...). Inserted by rules; cumulative, like the phases.
 */
public record Need(String factor, int phase, LocalDate online, double amount, String unit, String ruleId,
        List<String> factIds) {

    public Need {
        Factors.checked(factor);
        factIds = List.copyOf(factIds);
    }
}

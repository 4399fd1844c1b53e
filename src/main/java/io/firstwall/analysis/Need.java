package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * What a phase asks of one factor, in that factor's unit (MW, TB of HBM, accelerators, tonnes to
 * orbit ...). Inserted by rules; cumulative, like the phases.
 */
public record Need(String factor, int phase, LocalDate online, double amount, String unit, String ruleId,
        List<String> factIds) {

    public Need {
        factIds = List.copyOf(factIds);
    }
}

package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * The power a phase needs, inserted by the demand rules: IT load, facility load (IT times PUE and
 * any cooling uplift) and generation (facility plus reserve margin), all in MW.
 */
public record PhaseDemand(int phase, LocalDate online, long accelerators, double itMw, double facilityMw,
        double generationMw, String ruleId, String explanation, List<String> factIds) {

    public PhaseDemand {
        itMw = Calc.round(itMw);
        facilityMw = Calc.round(facilityMw);
        generationMw = Calc.round(generationMw);
        factIds = List.copyOf(factIds);
    }
}

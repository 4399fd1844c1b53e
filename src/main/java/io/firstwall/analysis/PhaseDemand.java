package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * The power a phase needs, inserted by the demand rules, in MW: IT load, facility load at the
 * design hour (IT times the peak PUE) and generation (what must be bought: turbines N+k, panels).
 * {@code generator} names the class of generating unit the plan buys ({@code heavy_duty},
 * {@code aeroderivative}), or is empty when it buys none.
 */
public record PhaseDemand(int phase, LocalDate online, long accelerators, double itMw, double facilityMw,
        double generationMw, String ruleId, String explanation, List<String> factIds, String generator) {

    public PhaseDemand {
        itMw = Calc.round(itMw);
        facilityMw = Calc.round(facilityMw);
        generationMw = Calc.round(generationMw);
        factIds = List.copyOf(factIds);
        generator = generator == null ? "" : generator;
    }

    /** A phase's demand that buys no generating units. */
    public PhaseDemand(int phase, LocalDate online, long accelerators, double itMw, double facilityMw,
            double generationMw, String ruleId, String explanation, List<String> factIds) {
        this(phase, online, accelerators, itMw, facilityMw, generationMw, ruleId, explanation, factIds, "");
    }
}

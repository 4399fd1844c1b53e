package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of one factor for one plan. {@code bindsOn} is the first phase date the factor cannot
 * meet; {@code fullCapacityOn} the earliest date it allows the plan's full capacity ({@code null}
 * when no date within the facts does, and then {@code slipMonths} is {@code null} too);
 * {@code shortfall} is what is missing at the target date, in {@code unit}; {@code phases} says,
 * for each phase, when this factor allows that phase's need ({@code readyOn} null: never within the
 * facts).
 */
public record Wall(String factor, LocalDate bindsOn, Integer slipMonths, LocalDate fullCapacityOn,
        double needed, double shortfall, String unit, String explanation, List<String> ruleIds,
        List<String> factIds, List<PhaseReady> phases) {

    /** When the factor allows one phase's need: on its target, later, or never (null). */
    public record PhaseReady(int phase, LocalDate target, LocalDate readyOn) {
    }

    public Wall {
        needed = Calc.round(needed);
        shortfall = Calc.round(shortfall);
        ruleIds = List.copyOf(ruleIds);
        factIds = List.copyOf(factIds);
        phases = List.copyOf(phases);
    }

    /** A wall without per-phase dates. */
    public Wall(String factor, LocalDate bindsOn, Integer slipMonths, LocalDate fullCapacityOn, double needed,
            double shortfall, String unit, String explanation, List<String> ruleIds, List<String> factIds) {
        this(factor, bindsOn, slipMonths, fullCapacityOn, needed, shortfall, unit, explanation, ruleIds, factIds,
                List.of());
    }

    /** True when nothing in the facts lets the factor ever meet the plan's full capacity. */
    public boolean openEnded() {
        return slipMonths == null;
    }
}

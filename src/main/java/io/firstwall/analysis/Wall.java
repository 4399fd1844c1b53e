package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

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

    /**
     * How late this wall makes one phase: the phase's {@code online} target, the date the wall lets
     * it run ({@code metOn}, null when never within the facts) and the months between (null then too).
     */
    public record PhaseDelay(int phase, LocalDate online, LocalDate metOn, Integer delayMonths) {
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

    /** Each phase's delay by this wall alone. */
    @JsonProperty
    public List<PhaseDelay> phaseDelays() {
        return phases.stream().map(p -> new PhaseDelay(p.phase(), p.target(), p.readyOn(),
                p.readyOn() == null ? null : WallCalculator.monthsLate(p.target(), p.readyOn()))).toList();
    }

    /**
     * The largest delay this wall gives any phase, in months; null when some phase never runs within
     * the facts. It can exceed {@code slipMonths}, which measures the full capacity only: a first
     * phase held five years by the grid is late even when the last phase is far enough out.
     */
    @JsonProperty
    public Integer maxDelayMonths() {
        if (phases.isEmpty()) {
            return slipMonths;
        }
        PhaseReady worst = worst();
        return worst.readyOn() == null ? null : WallCalculator.monthsLate(worst.target(), worst.readyOn());
    }

    /** The phase this wall delays most (one that never runs comes first; on a tie, the earliest), or null without phases. */
    public PhaseDelay worstPhase() {
        PhaseReady w = worst();
        return w == null ? null : new PhaseDelay(w.phase(), w.target(), w.readyOn(),
                w.readyOn() == null ? null : WallCalculator.monthsLate(w.target(), w.readyOn()));
    }

    /** Read by the first-wall order on every analysis and sample, so it builds nothing. */
    private PhaseReady worst() {
        PhaseReady worst = null;
        int most = -1;
        for (PhaseReady p : phases) {
            if (p.readyOn() == null) {
                return p;
            }
            int late = WallCalculator.monthsLate(p.target(), p.readyOn());
            if (late > most) {
                most = late;
                worst = p;
            }
        }
        return worst;
    }

    /** True when nothing in the facts lets the factor ever meet the plan's full capacity. */
    public boolean openEnded() {
        return slipMonths == null;
    }
}

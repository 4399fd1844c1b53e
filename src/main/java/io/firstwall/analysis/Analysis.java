package io.firstwall.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.firstwall.plan.Plan;

/**
 * The answer for one plan: its demand per phase, every wall, the first wall, the cascade (the order
 * in which walls appear as each is crushed in turn), and whether the plan is feasible as planned.
 * It names the rule set and the fact base it was made with ({@code factBaseVersion} null for facts
 * not read from files: a test's); the facts a scenario overrides are the scenario's.
 */
public record Analysis(Plan plan, List<PhaseDemand> demand, List<Wall> walls, Wall firstWall,
        List<String> cascade, boolean feasible, List<Note> notes, List<FactUse> facts, List<String> rulesFired,
        String ruleSetVersion, String factBaseVersion, List<FactorCurve> curves) {

    public Analysis {
        demand = List.copyOf(demand);
        walls = List.copyOf(walls);
        cascade = List.copyOf(cascade);
        notes = List.copyOf(notes);
        facts = List.copyOf(facts);
        rulesFired = List.copyOf(rulesFired);
        curves = List.copyOf(curves);
    }

    /**
     * The wall that sets the schedule: the one with the largest delay of any phase (a wall that
     * never lets some phase run comes first; on a tie, the earlier in the cascade). It is the first
     * wall when the two agree, and null for a feasible plan. A two-week chip wall can bind first
     * while a five-year grid wall sets the schedule.
     */
    @JsonProperty
    public Wall scheduleWall() {
        List<Wall> ordered = new ArrayList<>();
        cascade.forEach(f -> wall(f).ifPresent(ordered::add));
        walls.stream().filter(w -> !ordered.contains(w)).forEach(ordered::add);
        Wall worst = null;
        for (Wall w : ordered) {
            if (worst == null || later(w.maxDelayMonths(), worst.maxDelayMonths())) {
                worst = w;
            }
        }
        return worst;
    }

    /** True when delay {@code a} is strictly longer than {@code b}; null is never (longest). */
    private static boolean later(Integer a, Integer b) {
        if (b == null) {
            return false;
        }
        return a == null || a > b;
    }

    /** The wall of a factor, if the plan hits it. */
    public Optional<Wall> wall(String factor) {
        return walls.stream().filter(w -> w.factor().equals(factor)).findFirst();
    }
}

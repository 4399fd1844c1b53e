package io.firstwall.analysis;

import java.util.List;
import java.util.Optional;

import io.firstwall.plan.Plan;

/**
 * The answer for one plan: its demand per phase, every wall, the first wall, the cascade (the order
 * in which walls appear as each is crushed in turn), and whether the plan is feasible as planned.
 */
public record Analysis(Plan plan, List<PhaseDemand> demand, List<Wall> walls, Wall firstWall,
        List<String> cascade, boolean feasible, List<Note> notes, List<FactUse> facts, List<String> rulesFired,
        String ruleSetVersion, List<FactorCurve> curves) {

    public Analysis {
        demand = List.copyOf(demand);
        walls = List.copyOf(walls);
        cascade = List.copyOf(cascade);
        notes = List.copyOf(notes);
        facts = List.copyOf(facts);
        rulesFired = List.copyOf(rulesFired);
        curves = List.copyOf(curves);
    }

    /** The wall of a factor, if the plan hits it. */
    public Optional<Wall> wall(String factor) {
        return walls.stream().filter(w -> w.factor().equals(factor)).findFirst();
    }
}

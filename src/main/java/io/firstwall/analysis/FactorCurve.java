package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * One factor over time, for charts: what the plan needs and what the factor allows, both as
 * steps in the factor's unit. {@code fullNeed} is the plan's full need, to scale them.
 */
public record FactorCurve(String factor, String unit, double fullNeed, List<Point> need, List<Point> allowed) {

    public FactorCurve {
        need = List.copyOf(need);
        allowed = List.copyOf(allowed);
    }

    /** From {@code date} on, the value is {@code amount} (until the next point). */
    public record Point(LocalDate date, double amount) {
    }
}

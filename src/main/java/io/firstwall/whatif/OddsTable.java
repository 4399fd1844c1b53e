package io.firstwall.whatif;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.firstwall.uncertainty.Uncertainty;

/**
 * How sure several answers are, side by side (base and what-if, or base and scenarios): the
 * probability of each first wall and of feasible, the delay's P10/P50/P90 and the median date of
 * full capacity, each cell marked where it differs from the first column by more than sampling
 * noise (5 points) or at all for percentiles.
 */
public record OddsTable(List<String> columns, List<Row> rows) {

    /** A row: a factor (shown by its name) or a label key, its cells, and which differ from the first column. */
    public record Row(String factor, String labelKey, List<String> cells, List<Boolean> changed) {
    }

    public static OddsTable of(List<String> columns, List<Uncertainty> odds) {
        Set<String> factors = new LinkedHashSet<>();
        odds.forEach(u -> factors.addAll(u.firstWallProbability().keySet()));
        List<Row> rows = new ArrayList<>();
        for (String factor : factors) {
            rows.add(probabilities(factor, null, odds.stream().map(u -> u.firstWallProbability().getOrDefault(factor, 0.0))
                    .toList()));
        }
        rows.add(probabilities(null, "odds.pFeasible", odds.stream().map(Uncertainty::feasibleProbability).toList()));
        rows.add(texts("odds.delayRange", odds.stream().map(u -> months(u.delayMonths().p10()) + " / "
                + months(u.delayMonths().p50()) + " / " + months(u.delayMonths().p90())).toList()));
        rows.add(texts("odds.full", odds.stream().map(u -> u.fullCapacityOn().p50() == null ? "never"
                : u.fullCapacityOn().p50().toString()).toList()));
        return new OddsTable(columns, rows);
    }

    private static Row probabilities(String factor, String labelKey, List<Double> p) {
        List<String> cells = p.stream().map(v -> String.format(Locale.ROOT, "%.0f%%", 100 * v)).toList();
        List<Boolean> changed = p.stream().map(v -> Math.abs(v - p.get(0)) > 0.05).toList();
        return new Row(factor, labelKey, cells, changed);
    }

    private static Row texts(String labelKey, List<String> cells) {
        return new Row(null, labelKey, cells, cells.stream().map(c -> !Objects.equals(c, cells.get(0))).toList());
    }

    private static String months(Integer m) {
        return m == null ? "open-ended" : m + " mo";
    }
}

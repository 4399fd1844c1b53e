package io.firstwall.whatif;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Format;
import io.firstwall.analysis.Schedule;
import io.firstwall.analysis.Wall;

/**
 * Results side by side: the base analysis first, then scenarios. Each row holds one cell per
 * column and says which cells differ from the base.
 */
public record Comparison(List<String> columns, List<Row> rows) {

    /** One line of the comparison; {@code changed.get(i)} is true when column i differs from the base. */
    public record Row(String label, List<String> cells, List<Boolean> changed, List<String> tones) {

        /** A row without tones: changes are not better or worse, only different. */
        public Row(String label, List<String> cells, List<Boolean> changed) {
            this(label, cells, changed, cells.stream().map(c -> "").toList());
        }

        public boolean anyChange() {
            return changed.contains(true);
        }
    }

    /** With factor codes and ISO dates, as the API and the CSV give them. */
    public static Comparison of(List<String> columns, List<Analysis> results) {
        return of(columns, results, factor -> factor);
    }

    /** With each factor named by {@code label} and ISO dates, as the CSV gives them. */
    public static Comparison of(List<String> columns, List<Analysis> results, Function<String, String> label) {
        return build(columns, results, label, String::valueOf);
    }

    /** With each factor named by {@code label} and dates as people read them ("Dec 2026"), as the pages show them. */
    public static Comparison forPeople(List<String> columns, List<Analysis> results, Function<String, String> label) {
        return build(columns, results, label, Format::month);
    }

    private static Comparison build(List<String> columns, List<Analysis> results, Function<String, String> label,
            Function<LocalDate, String> date) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("First wall", results, a -> a.feasible() ? "none: feasible" : label.apply(a.firstWall().factor())));
        rows.add(row("Sets the schedule", results, a -> {
            Wall w = a.scheduleWall();
            return w == null ? "" : label.apply(w.factor()) + ", " + (w.maxDelayMonths() == null ? "never within the facts"
                    : w.maxDelayMonths() + " months at worst");
        }));
        rows.add(row("Binds on", results, a -> a.feasible() ? "" : date.apply(a.firstWall().bindsOn())));
        rows.add(withDeltas(row("Slip (months)", results, a -> a.feasible() ? "" : slip(a.firstWall()))));
        rows.add(withDeltas(row("Delay at full capacity (months)", results, a -> {
            Integer late = Schedule.fullCapacity(a).delayMonths();
            return late == null ? "open-ended" : String.valueOf(late);
        })));
        rows.add(row("Full capacity", results, a -> {
            Headline h = Headline.of(a);
            return h.openEnded() ? "never, within the facts" : date.apply(h.fullCapacityOn());
        }));
        rows.add(row("Cascade", results, a -> a.cascade().isEmpty() ? "none"
                : String.join(" → ", a.cascade().stream().map(label).toList())));
        Set<String> factors = new LinkedHashSet<>();
        results.forEach(a -> a.walls().forEach(w -> factors.add(w.factor())));
        for (String factor : factors) {
            rows.add(row(label.apply(factor), results, a -> {
                Optional<Wall> w = a.wall(factor);
                return w.map(x -> date.apply(x.bindsOn()) + ", slip " + slip(x)).orElse("no wall");
            }));
        }
        return new Comparison(List.copyOf(columns), rows);
    }

    /** Each number after the first column with its change from the first: "31 (−12)". */
    private static Row withDeltas(Row row) {
        List<String> cells = new ArrayList<>(row.cells());
        List<String> tones = new ArrayList<>(row.tones());
        Integer base = number(cells.get(0));
        for (int i = 1; i < cells.size(); i++) {
            Integer value = number(cells.get(i));
            if (base != null && value != null && !value.equals(base)) {
                int delta = value - base;
                cells.set(i, value + " (" + (delta > 0 ? "+" : "\u2212") + Math.abs(delta) + ")");
                tones.set(i, delta < 0 ? "better" : "worse");
            }
        }
        return new Row(row.label(), cells, row.changed(), tones);
    }

    private static Integer number(String cell) {
        return cell.matches("\\d+") ? Integer.valueOf(cell) : cell.isEmpty() ? 0 : null;
    }

    private static String slip(Wall w) {
        return w.slipMonths() == null ? "open-ended" : String.valueOf(w.slipMonths());
    }

    private static Row row(String label, List<Analysis> results, Function<Analysis, String> cell) {
        List<String> cells = results.stream().map(cell).toList();
        List<Boolean> changed = cells.stream().map(c -> !Objects.equals(c, cells.get(0))).toList();
        return new Row(label, cells, changed);
    }
}

package io.firstwall.editing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

import io.firstwall.analysis.Format;
import io.firstwall.facts.Series;

/**
 * A small step chart of one series (facts {@code id@yyyy-mm-dd}): the value from each point's date
 * to the next as a line, its low–high range as a band, a dot per point that links to its row. The
 * coordinates are computed here, so the page draws plain SVG with no script.
 */
public record SeriesChart(String id, String unit, String line, String band, List<Dot> dots, String from, String to,
        String bottom, String top, String summary) {

    /** One point: where it is drawn, the row it links to, what its tooltip says. */
    public record Dot(double x, double y, String rowId, String label) {
    }

    public static final int WIDTH = 480;
    public static final int HEIGHT = 140;
    static final int LEFT = 8;
    static final int RIGHT = 8;
    static final int TOP = 10;
    static final int BOTTOM = 10;

    private record Point(LocalDate date, String rowId, double value, Double low, Double high) {
    }

    /** The charts of every series among these rows, in the order the series first appear. */
    public static List<SeriesChart> of(List<FactRows.Row> rows) {
        Map<String, TreeMap<LocalDate, Point>> series = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (FactRows.Row row : rows) {
            String base = Series.seriesOf(row.id());
            if (base == null) {
                continue;
            }
            try {
                LocalDate date = Series.from(row.id());
                double value = Double.parseDouble(row.get("value"));
                series.computeIfAbsent(base, k -> new TreeMap<>()).put(date, new Point(date, row.id(), value,
                        number(row.get("low")), number(row.get("high"))));
                units.putIfAbsent(base, row.get("unit"));
            } catch (NumberFormatException | DateTimeParseException e) {
                // A row the validation refuses is not drawn; its error is shown where it is edited.
            }
        }
        List<SeriesChart> charts = new ArrayList<>();
        series.forEach((id, points) -> charts.add(chart(id, units.get(id), new ArrayList<>(points.values()))));
        return charts;
    }

    /** The chart of the series {@code base} among these rows, or null when it has no points. */
    public static SeriesChart of(List<FactRows.Row> rows, String base) {
        return of(rows.stream().filter(r -> base.equals(Series.seriesOf(r.id()))).toList()).stream().findFirst()
                .orElse(null);
    }

    private static Double number(String text) {
        return text == null || text.isBlank() ? null : Double.valueOf(text);
    }

    private static SeriesChart chart(String id, String unit, List<Point> points) {
        LocalDate first = points.get(0).date();
        LocalDate last = points.get(points.size() - 1).date();
        // The last level is drawn for as long as the mean step, so that it shows as a level, not a dot.
        long span = last.toEpochDay() - first.toEpochDay();
        long end = last.toEpochDay() + (points.size() > 1 ? Math.max(1, span / (points.size() - 1)) : 365);
        double min = 0;
        double max = 0;
        for (Point p : points) {
            min = Math.min(min, Math.min(p.value(), p.low() == null ? p.value() : p.low()));
            max = Math.max(max, Math.max(p.value(), p.high() == null ? p.value() : p.high()));
        }
        if (max == min) {
            max = min + 1;
        }
        double lo = min;
        double hi = max;
        long start = first.toEpochDay();
        DoubleUnaryOperator x = day -> LEFT + (day - start) * (WIDTH - LEFT - RIGHT) / (double) (end - start);
        DoubleUnaryOperator y = v -> HEIGHT - BOTTOM - (v - lo) * (HEIGHT - TOP - BOTTOM) / (hi - lo);
        StringBuilder line = new StringBuilder();
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x0 = x.applyAsDouble(p.date().toEpochDay());
            double x1 = x.applyAsDouble(i + 1 < points.size() ? points.get(i + 1).date().toEpochDay() : end);
            double yv = y.applyAsDouble(p.value());
            line.append(i == 0 ? "M" : "L").append(f(x0)).append(' ').append(f(yv)).append(" L").append(f(x1)).append(' ')
                    .append(f(yv)).append(' ');
            double high = p.high() == null ? p.value() : p.high();
            double low = p.low() == null ? p.value() : p.low();
            upper.append(i == 0 ? "M" : "L").append(f(x0)).append(' ').append(f(y.applyAsDouble(high))).append(" L")
                    .append(f(x1)).append(' ').append(f(y.applyAsDouble(high))).append(' ');
            lower.insert(0, "L" + f(x1) + " " + f(y.applyAsDouble(low)) + " L" + f(x0) + " " + f(y.applyAsDouble(low)) + " ");
            dots.add(new Dot(Double.parseDouble(f(x0)), Double.parseDouble(f(yv)), p.rowId(), p.date() + ": "
                    + Format.num(p.value()) + (p.low() == null && p.high() == null ? ""
                            : " (" + Format.num(low) + " to " + Format.num(high) + ")")
                    + " " + unit));
        }
        String summary = id + ": " + points.size() + (points.size() == 1 ? " point" : " points") + " from " + first + " ("
                + Format.num(points.get(0).value()) + ") to " + last + " (" + Format.num(points.get(points.size() - 1).value())
                + ") " + unit;
        return new SeriesChart(id, unit, line.toString().strip(), (upper + lower.toString()).strip() + " Z", dots,
                first.toString(), last.toString(), Format.num(lo), Format.num(hi), summary);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

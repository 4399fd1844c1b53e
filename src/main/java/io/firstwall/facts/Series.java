package io.firstwall.facts;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Facts that change over time. A series is a set of points, each an ordinary fact row (value, low,
 * high, unit, source, status) whose id is the series id, {@code @}, and the date it holds from:
 * {@code chip.cowos_wafers_per_month@2026-01-01}. A point holds until the next one; before the
 * first point the plain fact of the same id holds, if there is one, else the first point. A plain
 * fact with no points is a series of one value: it holds at every date.
 */
public final class Series {

    /** The sign between a series id and a point's date. */
    public static final char AT = '@';

    private Series() {
    }

    /** The series a fact id is a point of, or null for a plain fact. */
    public static String seriesOf(String id) {
        int at = id.indexOf(AT);
        return at < 0 ? null : id.substring(0, at);
    }

    /** The series an override id {@code series@*} scales as a whole, or null for any other id. */
    public static String scaledWhole(String id) {
        return id.endsWith(AT + "*") ? id.substring(0, id.length() - 2) : null;
    }

    /** The series a fact id belongs to: the part before the {@code @} of a point, else the id itself. */
    public static String baseOf(String id) {
        String of = seriesOf(id);
        return of == null ? id : of;
    }

    /** The date a point holds from; null for a plain fact. */
    public static LocalDate from(String id) {
        int at = id.indexOf(AT);
        return at < 0 ? null : LocalDate.parse(id.substring(at + 1));
    }

    /** What is wrong with a fact id (plain or a point), in words; null when it is fine. */
    static String problem(String id) {
        int at = id.indexOf(AT);
        String base = at < 0 ? id : id.substring(0, at);
        if (!base.matches("[A-Za-z0-9_.\\-]+")) {
            return "id '" + id + "' must be letters, digits, '.', '_' or '-'"
                    + (at < 0 ? "" : ", then @ and the date the point holds from");
        }
        if (at >= 0) {
            String date = id.substring(at + 1);
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return "'" + date + "' after the @ of '" + id + "' is not a date; write the day the point holds from"
                        + " as yyyy-mm-dd, like " + base + "@2026-01-01";
            }
        }
        return null;
    }

    /** The points of every series in a set of facts, by series id, each in date order. */
    static Map<String, NavigableMap<LocalDate, Fact>> index(Collection<Fact> facts) {
        Map<String, NavigableMap<LocalDate, Fact>> series = new LinkedHashMap<>();
        for (Fact f : facts) {
            String of = seriesOf(f.id());
            if (of != null) {
                series.computeIfAbsent(of, k -> new TreeMap<>()).put(from(f.id()), f);
            }
        }
        series.replaceAll((k, v) -> Collections.unmodifiableNavigableMap(v));
        return Collections.unmodifiableMap(series);
    }

    /** The points of a series and its plain fact must share one unit: a rule reads them as one quantity. */
    static List<String> unitProblems(Collection<Fact> facts) {
        Map<String, Fact> plain = new LinkedHashMap<>();
        facts.stream().filter(f -> seriesOf(f.id()) == null).forEach(f -> plain.put(f.id(), f));
        Map<String, String> units = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Fact f : facts) {
            String of = seriesOf(f.id());
            if (of == null) {
                continue;
            }
            String unit = plain.containsKey(of) ? plain.get(of).unit() : units.computeIfAbsent(of, k -> f.unit());
            if (!unit.equals(f.unit())) {
                problems.add("the point " + f.id() + " is in '" + f.unit() + "' but series " + of + " is in '" + unit
                        + "'; every point of a series has the same unit");
            }
        }
        return problems;
    }
}

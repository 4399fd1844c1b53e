package io.firstwall.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts a reviewer should check on a given day: a dated fact ({@code yyyymmdd}) that lay ahead
 * when it was recorded and has passed; the last point of a series whose date has passed when that
 * point was a forecast or an assumption (after it the rules keep its value, which nobody has
 * confirmed: China's gallium ban after 27 November 2026); and a figure read over two years ago.
 * A date recorded after it happened (the day a rule came into force) is history, not a date to watch.
 */
public final class Staleness {

    /** One fact to check, and why, in words. */
    public record Stale(String id, String why) {

        /** Passed dates and ended series come before figures that are merely old. */
        boolean aboutADate() {
            return !why.startsWith("the figure is over");
        }
    }

    private Staleness() {
    }

    /** The facts to check on {@code day}, dates first, then by id. */
    public static List<Stale> of(FactBase facts, LocalDate day) {
        Map<String, Stale> found = new LinkedHashMap<>();
        for (Fact f : facts.facts()) {
            LocalDate date = "yyyymmdd".equals(f.unit()) ? date(f.value()) : null;
            boolean ahead = date != null && (f.asOf() == null || date.isAfter(f.asOf()));
            if (ahead && date.isBefore(day)) {
                found.put(f.id(), new Stale(f.id(), "the date has passed: " + date));
            } else if (f.asOf() != null && f.asOf().isBefore(day.minusYears(2))) {
                found.put(f.id(), new Stale(f.id(), "the figure is over two years old"));
            }
        }
        for (String series : facts.seriesIds()) {
            var last = facts.points(series).lastEntry();
            if (last == null) {
                continue;
            }
            LocalDate date = last.getKey();
            Fact point = last.getValue();
            boolean foreseen = point.asOf() == null || point.asOf().isBefore(date) || point.status() == FactStatus.ASSUMPTION;
            if (date.isBefore(day) && foreseen) {
                found.put(point.id(), new Stale(point.id(), "the series ends on " + date + ", which has passed, and this"
                        + " point was " + (point.status() == FactStatus.ASSUMPTION ? "an assumption" : "a forecast")
                        + ": after it the rules keep its value"));
            }
        }
        List<Stale> stale = new ArrayList<>(found.values());
        stale.sort(Comparator.comparing((Stale s) -> !s.aboutADate()).thenComparing(Stale::id));
        return stale;
    }

    /** A {@code yyyymmdd} value as a date, or null when it is not a whole calendar date. */
    public static LocalDate date(double yyyymmdd) {
        long v = (long) yyyymmdd;
        try {
            return v == yyyymmdd ? LocalDate.of((int) (v / 10_000), (int) (v / 100 % 100), (int) (v % 100)) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}

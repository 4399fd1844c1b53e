package io.firstwall.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * A sourced reference figure. {@code low} and {@code high} are optional bounds of a range around
 * {@code value}; {@code note} says how the figure was read or derived; {@code distribution} how the
 * value is uncertain within its range ({@link Spread}; blank: PERT); {@code projects} names the backtest
 * projects the figure was derived from (their ids, separated by spaces), so that none of them is scored.
 */
public record Fact(String id, double value, Double low, Double high, String unit, LocalDate asOf,
        String source, FactStatus status, String note, String distribution, String projects) {

    public Fact {
        distribution = distribution == null ? "" : distribution;
        projects = projects == null ? "" : projects.strip();
    }

    /** A fact derived from no backtest project. */
    public Fact(String id, double value, Double low, Double high, String unit, LocalDate asOf, String source,
            FactStatus status, String note, String distribution) {
        this(id, value, low, high, unit, asOf, source, status, note, distribution, "");
    }

    /** A fact without a distribution column (PERT over its range). */
    public Fact(String id, double value, Double low, Double high, String unit, LocalDate asOf, String source,
            FactStatus status, String note) {
        this(id, value, low, high, unit, asOf, source, status, note, "");
    }

    /** The same fact with another value, as a scenario override; the source says so. */
    public Fact overriddenWith(double newValue) {
        return new Fact(id, newValue, null, null, unit, asOf, "scenario override (was " + value + ")",
                FactStatus.ASSUMPTION, note, "fixed", projects);
    }

    /** The same fact with another value drawn from its range, as one Monte Carlo sample; source and range stay. */
    public Fact sampledAt(double sampled) {
        return new Fact(id, sampled, low, high, unit, asOf, source, status, note, distribution, projects);
    }

    /** How the value is uncertain; fixed when there is no range or it has no width. */
    public Spread spread() {
        if (low == null || high == null || !(high > low)) {
            return new Spread(Spread.Shape.FIXED, null);
        }
        return Spread.parse(distribution);
    }

    /** The backtest projects the figure was derived from, by id. */
    public List<String> projectIds() {
        return projects.isEmpty() ? List.of() : List.of(projects.split("\\s+"));
    }

    /** The value as a whole number, for counts, months and years. */
    public int intValue() {
        return (int) Math.round(value);
    }
}

package io.firstwall.facts;

import java.time.LocalDate;

/**
 * A sourced reference figure. {@code low} and {@code high} are optional bounds of a range around
 * {@code value}; {@code note} says how the figure was read or derived.
 */
public record Fact(String id, double value, Double low, Double high, String unit, LocalDate asOf,
        String source, FactStatus status, String note) {

    /** The same fact with another value, as a scenario override; the source says so. */
    public Fact overriddenWith(double newValue) {
        return new Fact(id, newValue, null, null, unit, asOf, "scenario override (was " + value + ")",
                FactStatus.ASSUMPTION, note);
    }

    /** The value as a whole number, for counts, months and years. */
    public int intValue() {
        return (int) Math.round(value);
    }
}

package io.firstwall.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan as the rules see it. {@code attributes} holds free key/value pairs (strings, numbers,
 * booleans) that rules may read with {@link #flag}, {@link #number} and {@link #text}.
 */
public record Plan(String name, String location, Power power, String accelerator, LocalDate decisionDate,
        List<Phase> phases, Map<String, Object> attributes) {

    public Plan {
        phases = List.copyOf(phases);
        attributes = Map.copyOf(attributes);
    }

    /** The last phase: the plan's full capacity and its target date. */
    public Phase lastPhase() {
        return phases.get(phases.size() - 1);
    }

    public LocalDate targetDate() {
        return lastPhase().online();
    }

    /** True when the attribute is boolean true or the text "true"/"yes". */
    public boolean flag(String key) {
        Object v = attributes.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        return v != null && (v.toString().equalsIgnoreCase("true") || v.toString().equalsIgnoreCase("yes"));
    }

    /** The attribute as a number, or {@code fallback} when absent or not numeric. */
    public double number(String key, double fallback) {
        Object v = attributes.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v != null) {
            try {
                return Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** The attribute as upper-case text, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        Object v = attributes.get(key);
        return v == null ? fallback : v.toString().trim().toUpperCase(Locale.ROOT);
    }
}

package io.firstwall.facts;

import java.util.Locale;

/**
 * How a fact's value is uncertain, from its optional {@code distribution} column: a shape over its
 * low–value–high range, and optionally a correlation group whose facts move together
 * ({@code pert@turbine-backlog}). A blank column means PERT, the field's default for expert
 * three-point estimates; a fact without a range, or with a zero-width one, is fixed whatever it says.
 *
 * @param shape the shape over low, value (most likely) and high
 * @param group the correlation group, or null
 */
public record Spread(Shape shape, String group) {

    /** The shapes a fact may take over its range. */
    public enum Shape {
        /** Beta-PERT on low, value, high: the mode at the value, weight 4. */
        PERT,
        /** Triangular on low, value, high. */
        TRIANGULAR,
        /** Uniform between low and high, for a range whose value is no more likely than the rest. */
        UNIFORM,
        /** Not sampled: the value holds (a modelling choice, not a fact about the world). */
        FIXED
    }

    public static final Spread DEFAULT = new Spread(Shape.PERT, null);

    /**
     * Reads a {@code distribution} cell: blank, or {@code pert}, {@code triangular}, {@code uniform}
     * or {@code fixed}, optionally followed by {@code @group}.
     *
     * @throws IllegalArgumentException with a sentence for the expert
     */
    public static Spread parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return DEFAULT;
        }
        String[] parts = t.split("@", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("distribution '" + t + "' has more than one '@'");
        }
        Shape shape;
        try {
            shape = parts[0].isBlank() ? Shape.PERT : Shape.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("distribution '" + parts[0].strip() + "' is not one of pert, triangular,"
                    + " uniform, fixed");
        }
        String group = parts.length == 2 ? parts[1].strip() : null;
        if (group != null && !group.matches("[a-z0-9][a-z0-9_.\\-]{0,59}")) {
            throw new IllegalArgumentException("correlation group '" + group + "' must be lower-case letters, digits,"
                    + " '.', '_' or '-' (at most 60)");
        }
        return new Spread(shape, group);
    }

    /** The cell text that reads back as this spread (blank for the default). */
    public String text() {
        if (equals(DEFAULT)) {
            return "";
        }
        return shape.name().toLowerCase(Locale.ROOT) + (group == null ? "" : "@" + group);
    }
}

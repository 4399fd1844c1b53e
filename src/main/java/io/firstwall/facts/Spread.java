package io.firstwall.facts;

import java.util.Locale;

/**
 * How a fact's value is uncertain, from its optional {@code distribution} column: a shape over its
 * low–value–high range, and optionally a correlation group whose facts move together
 * ({@code pert@turbine-backlog}). A blank column means PERT, the field's default for expert
 * three-point estimates; a fact without a range, or with a zero-width one, is fixed whatever it says.
 * An uncertain event ({@code event 0.5}: a ban returns or not, a licence is granted or not) takes
 * one of two values, its high with the given probability and its low otherwise; its value is the
 * more likely of the two, which the point answer takes and says it took.
 *
 * @param shape the shape over low, value (most likely) and high
 * @param group the correlation group, or null
 * @param probability for an event, the probability of its high; NaN for the other shapes
 */
public record Spread(Shape shape, String group, double probability) {

    /** The shapes a fact may take over its range. */
    public enum Shape {
        /** Beta-PERT on low, value, high: the mode at the value, weight 4. */
        PERT,
        /** Triangular on low, value, high. */
        TRIANGULAR,
        /** Uniform between low and high, for a range whose value is no more likely than the rest. */
        UNIFORM,
        /** Not sampled: the value holds (a modelling choice, not a fact about the world). */
        FIXED,
        /** One of two outcomes: the high with the spread's probability, else the low. */
        EVENT
    }

    public static final Spread DEFAULT = new Spread(Shape.PERT, null);

    /** A spread of any shape but an event. */
    public Spread(Shape shape, String group) {
        this(shape, group, Double.NaN);
    }

    /**
     * Reads a {@code distribution} cell: blank, or {@code pert}, {@code triangular}, {@code uniform},
     * {@code fixed} or {@code event P} (P the probability of the high, between 0 and 1), optionally
     * followed by {@code @group}.
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
        String[] words = parts[0].strip().split("\\s+");
        Shape shape;
        try {
            shape = words[0].isBlank() ? Shape.PERT : Shape.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("distribution '" + parts[0].strip() + "' is not one of pert, triangular,"
                    + " uniform, fixed, event P");
        }
        double probability = Double.NaN;
        if (shape == Shape.EVENT) {
            if (words.length != 2) {
                throw new IllegalArgumentException("distribution 'event' needs the probability of the high value after it,"
                        + " as in 'event 0.5'");
            }
            try {
                probability = Double.parseDouble(words[1]);
            } catch (NumberFormatException e) {
                probability = Double.NaN;
            }
            if (!(probability > 0 && probability < 1)) {
                throw new IllegalArgumentException("distribution '" + parts[0].strip() + "': the probability must be a"
                        + " number between 0 and 1 (0 or 1 is no event: use the value alone)");
            }
        } else if (words.length > 1) {
            throw new IllegalArgumentException("distribution '" + parts[0].strip() + "' takes no number; only 'event P'"
                    + " does");
        }
        String group = parts.length == 2 ? parts[1].strip() : null;
        if (group != null && !group.matches("[a-z0-9][a-z0-9_.\\-]{0,59}")) {
            throw new IllegalArgumentException("correlation group '" + group + "' must be lower-case letters, digits,"
                    + " '.', '_' or '-' (at most 60)");
        }
        return new Spread(shape, group, probability);
    }

    /**
     * What is wrong with an event over this range and value, or null: an event has two outcomes, its
     * low and its high, and its value is the more likely one (either, at even odds).
     */
    public String eventProblem(Double value, Double low, Double high) {
        if (shape != Shape.EVENT) {
            return null;
        }
        if (low == null || high == null || !(high > low)) {
            return "distribution '" + text() + "': an event needs a low and a higher high, its two outcomes";
        }
        boolean atLow = value != null && value.doubleValue() == low.doubleValue();
        boolean atHigh = value != null && value.doubleValue() == high.doubleValue();
        if (!atLow && !atHigh) {
            return "distribution '" + text() + "': the value must be one of the two outcomes, the low " + low
                    + " or the high " + high;
        }
        if ((probability > 0.5 && !atHigh) || (probability < 0.5 && !atLow)) {
            return "distribution '" + text() + "': the value must be the more likely outcome; with a probability of "
                    + probability + " for the high, that is " + (probability > 0.5 ? "the high " + high : "the low " + low);
        }
        return null;
    }

    /** The cell text that reads back as this spread (blank for the default). */
    public String text() {
        if (equals(DEFAULT)) {
            return "";
        }
        String words = shape.name().toLowerCase(Locale.ROOT) + (shape == Shape.EVENT ? " " + probability : "");
        return words + (group == null ? "" : "@" + group);
    }
}

package io.firstwall.seek;

import io.firstwall.plan.Levers;

/**
 * One lever set to one step, with what it costs on the plan it changes.
 *
 * @param lever the lever's id in {@code levers.csv}
 * @param step the value it sets ({@code +6}, {@code -25%}, {@code yes}, {@code MOBILE_TURBINE})
 * @param words the change as a planner reads it
 * @param cost the central cost in dollars; {@code costLow} and {@code costHigh} its range
 */
public record Change(String lever, String field, String step, String words, double cost, double costLow, double costHigh) {

    /** The change's key in links and locks: {@code lever:step}. */
    public String key() {
        return lever + ":" + step;
    }

    /**
     * The changes named by keys ({@code lever:step}), as a link carries them.
     *
     * @throws IllegalArgumentException naming a key that is no lever, or no step of its lever, or two keys for one field
     */
    public static java.util.List<Change> parse(java.util.List<String> keys, Levers levers, double loadKw, long accelerators) {
        java.util.List<Change> changes = new java.util.ArrayList<>();
        java.util.Set<String> fields = new java.util.HashSet<>();
        for (String key : keys) {
            int colon = key.indexOf(':');
            Levers.Lever lever = colon < 0 ? null : levers.lever(key.substring(0, colon));
            if (lever == null) {
                throw new IllegalArgumentException("'" + key + "' names no lever of rules/" + Levers.FILE);
            }
            String step = key.substring(colon + 1);
            if (!lever.steps().contains(step)) {
                throw new IllegalArgumentException("'" + step + "' is not a step of " + lever.id() + " (" + String.join(", ",
                        lever.steps()) + ")");
            }
            if (!fields.add(lever.field())) {
                throw new IllegalArgumentException("two changes set " + lever.field());
            }
            changes.add(of(lever, step, loadKw, accelerators));
        }
        return changes;
    }

    static Change of(Levers.Lever lever, String step, double loadKw, long accelerators) {
        double[] range = lever.range(step, loadKw, accelerators);
        return new Change(lever.id(), lever.field(), step, words(lever, step), lever.cost(step, loadKw, accelerators),
                range[0], range[1]);
    }

    /** The lever's label with {@code {step}} replaced by the step's size ("Move every target 6 months later"). */
    private static String words(Levers.Lever lever, String step) {
        if (lever.label().contains("{step}")) {
            return lever.label().replace("{step}", step.replaceFirst("^[+-]", ""));
        }
        return lever.steps().size() == 1 ? lever.label() : lever.label() + ": " + step;
    }
}

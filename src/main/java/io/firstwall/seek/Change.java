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

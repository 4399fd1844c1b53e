package io.firstwall.seek;

import java.util.Set;

/**
 * What to seek.
 *
 * @param confidence 0 for point answers; otherwise "on time" means in at least this share of samples
 * @param samples samples per finalist when {@code confidence} is above 0; with a confidence of 0, the
 *        samples each chosen option gets to say how sure it is (0: none)
 * @param seed the samples' seed
 * @param locks fields the search may not change ({@code location}, {@code targets}, an attribute); the
 *        word {@code site} locks the location and the building
 * @param maxChanges the most changes in one option
 * @param top how many options to return
 */
public record SeekRequest(double confidence, int samples, long seed, Set<String> locks, int maxChanges, int top) {

    public static final int DEFAULT_MAX_CHANGES = 3;
    public static final int DEFAULT_TOP = 5;

    public SeekRequest {
        if (confidence < 0 || confidence >= 1) {
            throw new IllegalArgumentException("confidence must be at least 0 and below 1; got " + confidence);
        }
        if (maxChanges < 1 || maxChanges > 4) {
            throw new IllegalArgumentException("an option has 1 to 4 changes; got " + maxChanges);
        }
        if (top < 1 || top > 50) {
            throw new IllegalArgumentException("top must be 1 to 50; got " + top);
        }
        locks = Set.copyOf(locks);
    }

    /** Point answers, no locks, the default sizes. */
    public static SeekRequest point() {
        return new SeekRequest(0, 0, 0, Set.of(), DEFAULT_MAX_CHANGES, DEFAULT_TOP);
    }

    /**
     * The names a lock may take: the plan fields levers set, every declared attribute, and {@code site}.
     */
    public static java.util.Set<String> lockable(io.firstwall.plan.Attributes attributes) {
        java.util.Set<String> fields = new java.util.TreeSet<>(io.firstwall.plan.Levers.PLAN_FIELDS);
        fields.addAll(attributes.declared().keySet());
        fields.add("site");
        return fields;
    }

    /**
     * Locks from a comma-separated list, each checked.
     *
     * @throws IllegalArgumentException naming a lock that is no field, with the fields there are
     */
    public static java.util.Set<String> locks(String list, io.firstwall.plan.Attributes attributes) {
        java.util.Set<String> locks = new java.util.LinkedHashSet<>();
        java.util.Set<String> fields = lockable(attributes);
        for (String f : list == null ? new String[0] : list.split(",")) {
            if (f.isBlank()) {
                continue;
            }
            if (!fields.contains(f.strip())) {
                throw new IllegalArgumentException("lock '" + f.strip() + "' is no field; fields are " + String.join(", ", fields));
            }
            locks.add(f.strip());
        }
        return locks;
    }

    /** Whether {@code field} may not change. */
    boolean locked(String field) {
        return locks.contains(field) || (locks.contains("site") && (field.equals("location") || field.equals("existingBuilding")));
    }
}

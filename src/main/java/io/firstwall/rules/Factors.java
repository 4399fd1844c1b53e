package io.firstwall.rules;

/**
 * What a wall's name (a factor id such as {@code GRID_INTERCONNECT}) may be: capitals, digits and
 * underscores, starting with a capital, at most {@link #MAX_LENGTH} characters, which is what every
 * page, report and table column that names a wall holds. A rule that names a wall otherwise fails
 * its analysis with this said, rather than failing a nightly run when the name cannot be stored.
 */
public final class Factors {

    /** The longest wall name, as the report's columns hold it. */
    public static final int MAX_LENGTH = 40;

    private Factors() {
    }

    /** Why a wall's name cannot be used, or null when it can. */
    public static String problem(String factor) {
        if (factor == null || factor.isEmpty()) {
            return "a wall needs a name, such as GRID_INTERCONNECT";
        }
        if (factor.length() > MAX_LENGTH) {
            return "the wall name " + factor + " has " + factor.length() + " characters; a wall's name has at most "
                    + MAX_LENGTH;
        }
        if (!Character.isUpperCase(factor.charAt(0)) || !factor.chars().allMatch(c -> c == '_'
                || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return "the wall name " + factor + " is not capitals, digits and _ starting with a capital (like GRID_INTERCONNECT)";
        }
        return null;
    }

    /** The factor, when it can be a wall's name; otherwise an IllegalArgumentException that says why. */
    public static String checked(String factor) {
        String problem = problem(factor);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return factor;
    }
}

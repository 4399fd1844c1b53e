package io.firstwall.rules;

/** One rule of a rule base: its id (the first word of its name), its sentence, and where it lives. */
public record RuleInfo(String id, String sentence, String packageName, String name) {

    /** "GRID-001 Large load needs a utility study" becomes id GRID-001 and the rest as sentence. */
    public static RuleInfo of(String packageName, String name) {
        int space = name.indexOf(' ');
        return space < 0 ? new RuleInfo(name, "", packageName, name)
                : new RuleInfo(name.substring(0, space), name.substring(space + 1).trim(), packageName, name);
    }
}

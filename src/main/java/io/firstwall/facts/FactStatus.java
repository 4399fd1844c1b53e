package io.firstwall.facts;

import java.util.Locale;

/** How sure a fact is. */
public enum FactStatus {
    PRIMARY, SECONDARY, DERIVED, ASSUMPTION;

    public static FactStatus parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

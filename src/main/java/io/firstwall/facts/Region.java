package io.firstwall.facts;

/** A place a plan can be built: a terrestrial region or an orbit. */
public record Region(String id, String name, boolean orbital, String climate, String gridOperator,
        String source, String status) {
}

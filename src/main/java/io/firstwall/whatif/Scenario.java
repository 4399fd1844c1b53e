package io.firstwall.whatif;

import java.time.Instant;
import java.util.Map;

/** A saved scenario: a plan's changed copy (v1 JSON) and fact overrides; it never edits the fact base. */
public record Scenario(long id, long planId, String name, String planJson, Map<String, Double> overrides,
        Instant createdAt) {

    public Scenario {
        overrides = Map.copyOf(overrides);
    }
}

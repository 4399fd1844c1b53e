package io.firstwall.report;

/** A saved plan, or a saved scenario of one, to analyse in a run. */
public record WorkItem(String itemKey, long planId, Long scenarioId, String name, String planJson,
        String overridesJson) {
}

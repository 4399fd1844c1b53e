package io.firstwall.analysis;

import java.time.LocalDate;

import io.firstwall.facts.Fact;

/** A fact an analysis used, with its source, as evidence. */
public record FactUse(String id, double value, Double low, Double high, String unit, LocalDate asOf,
        String source, String status) {

    public static FactUse of(Fact fact) {
        return new FactUse(fact.id(), fact.value(), fact.low(), fact.high(), fact.unit(), fact.asOf(),
                fact.source(), fact.status().label());
    }
}

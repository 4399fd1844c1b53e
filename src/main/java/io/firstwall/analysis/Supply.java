package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.List;

import io.firstwall.rules.Factors;

/**
 * What one factor allows: from {@code from} on, the lane {@code lane} can serve a cumulative
 * {@code amount} (in the unit of the factor's needs; {@link Double#POSITIVE_INFINITY} for "no
 * limit"). A factor may have several lanes (say, OEM slots and blade castings); the factor allows
 * the least of them. Within a lane, the largest amount whose date has come counts.
 * {@code sentence} is what a planner reads when this lane binds.
 */
public record Supply(String factor, String lane, LocalDate from, double amount, String ruleId, String sentence,
        List<String> factIds) {

    public Supply {
        Factors.checked(factor);
        factIds = List.copyOf(factIds);
    }
}

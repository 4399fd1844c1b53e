package io.firstwall.uncertainty;

import java.util.Map;

import io.firstwall.plan.Plan;

/** How sure the live answer is; the runtime implements it beside {@code LiveAnalysis}, web slices mock it. */
public interface LiveUncertainty {

    /**
     * {@code samples} Latin hypercube samples of the live facts' ranges (overridden facts held at
     * their override), analysed by the live rules, reproducible with {@code seed}.
     *
     * @throws IllegalArgumentException when {@code samples} is outside 1..{@value MonteCarlo#MAX_SAMPLES}
     */
    Uncertainty uncertainty(Plan plan, Map<String, Double> overrides, int samples, long seed);
}

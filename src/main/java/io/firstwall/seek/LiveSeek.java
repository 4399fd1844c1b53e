package io.firstwall.seek;

import io.firstwall.plan.Plan;

/** Seek on the live rules, levers and facts; the runtime implements it beside {@code LiveAnalysis}. */
public interface LiveSeek {

    /**
     * What would put {@code plan} on time, with the live rule set's levers.
     *
     * @throws IllegalArgumentException when the request asks for more samples than allowed
     */
    SeekResult seek(Plan plan, SeekRequest request);
}

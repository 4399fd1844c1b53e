package io.firstwall.analysis;

import java.time.Instant;

import io.firstwall.plan.Plan;

/**
 * An analysis a rule set left stuck: it ran past its CPU budget inside one rule and was given up,
 * while its thread may still be working on it ({@link CpuWatch}).
 */
public record StuckAnalysis(String ruleSet, Plan plan, Thread thread, CpuWatch.Overrun overrun, Instant at) {

    /** Whether the thread still works on it. */
    public boolean stillRunning() {
        return thread.isAlive() && CpuWatch.isStuck(thread);
    }

    /** In words: the plan, the CPU it used and the rule that was running. */
    public String describe() {
        return overrun == null ? "the analysis of '" + plan.name() + "' ran past its CPU budget" : overrun.describe();
    }
}

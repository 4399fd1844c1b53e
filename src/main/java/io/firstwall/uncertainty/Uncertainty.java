package io.firstwall.uncertainty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How sure an answer is, next to the point answer: from {@code samples} Latin hypercube samples of
 * the facts' ranges ({@code seed} reproduces them).
 *
 * @param firstWallProbability for every wall that is first in some sample, the share of samples in
 *        which it is; with {@code feasibleProbability} the shares sum to 1
 * @param interval95 the 95% Wilson interval of each share (key {@code feasible} for the feasible one)
 * @param fullCapacityOn the 10th, 50th and 90th percentile of the date of full capacity (null: no date
 *        in the facts, an open-ended wall)
 * @param delayMonths the same percentiles of the plan's largest delay in months (null: open-ended)
 * @param openEndedProbability the share of samples with a wall that never lets the plan through
 * @param sensitivity the sampled facts, most influential first
 * @param fullCapacityCurve the share of samples with full capacity by each date (every 5%), for a
 *        cumulative chart; it stops below 1 when some samples are open-ended
 * @param pointFirstWall the point answer's first wall (null: feasible), for comparison
 * @param pointDelayMonths the point answer's largest delay (null: open-ended)
 * @param phaseDelayMonths for each phase in order, the 10th, 50th and 90th percentile of its delay in months
 *        (null: open-ended), for checking a phase's observed delay against the range
 * @param onTimeProbability the share of samples in which every phase runs in its target month (a wall that
 *        binds but lets every phase run that month counts as on time; {@code feasibleProbability} does not)
 */
public record Uncertainty(int samples, long seed, Map<String, Double> firstWallProbability, double feasibleProbability,
        Map<String, Interval> interval95, Percentiles<LocalDate> fullCapacityOn, Percentiles<Integer> delayMonths,
        double openEndedProbability, List<Sensitivity> sensitivity, List<CurvePoint> fullCapacityCurve,
        String pointFirstWall, Integer pointDelayMonths, List<Percentiles<Integer>> phaseDelayMonths,
        double onTimeProbability) {

    /** By {@code date}, a share {@code share} of the samples have full capacity. */
    public record CurvePoint(LocalDate date, double share) {
    }

    /** A 95% interval of a probability. */
    public record Interval(double low, double high) {
    }

    /** Three percentiles of an outcome; null where it is open-ended. */
    public record Percentiles<T>(T p10, T p50, T p90) {
    }

    /**
     * One fact's influence: the rank correlation of its sampled values with the delay, and the delay
     * with the fact at its low and at its high, every other fact at its value (null: open-ended).
     */
    public record Sensitivity(String fact, String unit, double low, double high, double rankCorrelation,
            Integer lowDelayMonths, Integer highDelayMonths, boolean flipsFirstWall, String lowFirstWall,
            String highFirstWall) {
    }

    /** The most likely outcome: a wall's factor, or null when feasible is at least as likely. */
    public String mostLikelyFirstWall() {
        return firstWallProbability.entrySet().stream().filter(e -> e.getValue() > feasibleProbability)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** The probability of the most likely outcome (a wall, or feasible). */
    public double topProbability() {
        return Math.max(feasibleProbability,
                firstWallProbability.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
}

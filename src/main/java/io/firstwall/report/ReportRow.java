package io.firstwall.report;

import java.time.LocalDate;

/**
 * One item's result in a run; {@code status} FAILED carries the error and no wall. With samples,
 * {@code odds} says how sure: the most likely outcome ({@code topOutcome}: a factor or
 * {@code feasible}) with its probability, every outcome's as text, and the delay's P10/P50/P90
 * (null there: open-ended). Without samples those are null. {@code scheduleWall} is the wall with
 * the largest delay of any phase and {@code scheduleDelayMonths} that delay (null: some phase never
 * runs within the facts); both null for a feasible or failed answer. {@code cheapestFix} says, for a late
 * answer, the cheapest set of lever changes that puts every phase on time (what would it take), or what comes
 * closest; null for an answer on time or failed.
 */
public record ReportRow(String itemKey, long planId, Long scenarioId, String name, String planHash, String status,
        String error, String firstWall, LocalDate bindsOn, Integer slipMonths, Boolean openEnded, String shortfall,
        String explanation, String cascade, String ruleIds, String factIds, String topOutcome, Double topProbability,
        String odds, Integer delayP10, Integer delayP50, Integer delayP90, String scheduleWall,
        Integer scheduleDelayMonths, String cheapestFix) {

    /** A row without odds. */
    public ReportRow(String itemKey, long planId, Long scenarioId, String name, String planHash, String status,
            String error, String firstWall, LocalDate bindsOn, Integer slipMonths, Boolean openEnded, String shortfall,
            String explanation, String cascade, String ruleIds, String factIds) {
        this(itemKey, planId, scenarioId, name, planHash, status, error, firstWall, bindsOn, slipMonths, openEnded,
                shortfall, explanation, cascade, ruleIds, factIds, null, null, null, null, null, null, null, null, null);
    }

    /** The same row with the wall that sets its schedule. */
    public ReportRow withSchedule(String wall, Integer delayMonths) {
        return new ReportRow(itemKey, planId, scenarioId, name, planHash, status, error, firstWall, bindsOn, slipMonths,
                openEnded, shortfall, explanation, cascade, ruleIds, factIds, topOutcome, topProbability, odds, delayP10,
                delayP50, delayP90, wall, delayMonths, cheapestFix);
    }

    /** True when a wall other than the first sets the schedule. */
    public boolean scheduleDiffers() {
        return scheduleWall != null && !scheduleWall.equals(firstWall);
    }

    /** The same row with how sure it is. */
    public ReportRow withOdds(String topOutcome, double topProbability, String odds, Integer p10, Integer p50,
            Integer p90) {
        return new ReportRow(itemKey, planId, scenarioId, name, planHash, status, error, firstWall, bindsOn, slipMonths,
                openEnded, shortfall, explanation, cascade, ruleIds, factIds, topOutcome, topProbability, odds, p10, p50,
                p90, scheduleWall, scheduleDelayMonths, cheapestFix);
    }

    /** The same row with its cheapest fix. */
    public ReportRow withFix(String fix) {
        return new ReportRow(itemKey, planId, scenarioId, name, planHash, status, error, firstWall, bindsOn, slipMonths,
                openEnded, shortfall, explanation, cascade, ruleIds, factIds, topOutcome, topProbability, odds, delayP10,
                delayP50, delayP90, scheduleWall, scheduleDelayMonths, fix);
    }

    /**
     * The row as the report's columns can hold it: long texts cut with a mark (name 500, error 2000,
     * shortfall 100, explanation 4000, cascade 500, rule ids 2000, fact ids 4000, odds 2000, cheapest fix 1000 characters),
     * and a wall whose name does not fit made a failed row that says so, instead of a run that fails.
     */
    public ReportRow fitted() {
        for (String wall : new String[] {firstWall, scheduleWall, topOutcome}) {
            if (wall != null && wall.length() > io.firstwall.rules.Factors.MAX_LENGTH) {
                return failed("the rules named a wall " + cut(wall, 120) + " (" + wall.length()
                        + " characters), longer than the " + io.firstwall.rules.Factors.MAX_LENGTH
                        + " a report can store; fix the rule that names it");
            }
        }
        return new ReportRow(itemKey, planId, scenarioId, cut(name, 500), planHash, status, cut(error, 2000), firstWall,
                bindsOn, slipMonths, openEnded, cut(shortfall, 100), cut(explanation, 4000), cut(cascade, 500),
                cut(ruleIds, 2000), cut(factIds, 4000), topOutcome, topProbability, cut(odds, 2000), delayP10, delayP50,
                delayP90, scheduleWall, scheduleDelayMonths, cut(cheapestFix, 1000));
    }

    /** The same item as a failed row with {@code why}. */
    public ReportRow failed(String why) {
        return new ReportRow(itemKey, planId, scenarioId, cut(name, 500), planHash, FAILED, cut(why, 2000), null, null,
                null, null, null, null, null, null, null);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** The delay's percentiles as the report shows them, or nothing without odds. */
    public String delayText() {
        if (odds == null) {
            return "";
        }
        return months(delayP10) + " / " + months(delayP50) + " / " + months(delayP90);
    }

    private static String months(Integer m) {
        return m == null ? "open-ended" : m + " mo";
    }

    public static final String OK = "OK";
    public static final String FAILED = "FAILED";

    public boolean failed() {
        return FAILED.equals(status);
    }

    /** The first wall as the report shows it: the factor, "none: feasible", or "failed". */
    public String wallText() {
        return failed() ? "failed" : firstWall == null ? "none: feasible" : firstWall;
    }

    /** The slip as the report shows it: months, "open-ended", or nothing. */
    public String slipText() {
        return Boolean.TRUE.equals(openEnded) ? "open-ended" : slipMonths == null ? "" : slipMonths.toString();
    }

    /** Why, as the report shows it: the analysis' explanation, or the error of a failed item. */
    public String whyText() {
        return failed() ? error : explanation;
    }
}

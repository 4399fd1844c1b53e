package io.firstwall.report;

import java.time.LocalDate;

/** One item's result in a run; {@code status} FAILED carries the error and no wall. */
public record ReportRow(String itemKey, long planId, Long scenarioId, String name, String planHash, String status,
        String error, String firstWall, LocalDate bindsOn, Integer slipMonths, Boolean openEnded, String shortfall,
        String explanation, String cascade, String ruleIds, String factIds) {

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

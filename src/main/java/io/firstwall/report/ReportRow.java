package io.firstwall.report;

import java.time.LocalDate;

/** One item's result in a run; {@code status} FAILED carries the error and no wall. */
public record ReportRow(String itemKey, long planId, Long scenarioId, String name, String planHash, String status,
        String error, String firstWall, LocalDate bindsOn, Integer slipMonths, Boolean openEnded, String shortfall,
        String explanation, String cascade, String ruleIds, String factIds) {

    public static final String OK = "OK";
    public static final String FAILED = "FAILED";
}

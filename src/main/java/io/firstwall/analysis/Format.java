package io.firstwall.analysis;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and dates read in sentences. Rules call these too. */
public final class Format {

    private static final ThreadLocal<DecimalFormat[]> FORMATS = ThreadLocal.withInitial(() -> new DecimalFormat[] {
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)),
        new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ENGLISH)),
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH))});
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private Format() {
    }

    /** A number with thousands separators: no decimals from 100, one from 10, two below. */
    public static String num(double value) {
        if (Double.isInfinite(value)) {
            return "unlimited";
        }
        double abs = Math.abs(value);
        return FORMATS.get()[abs >= 100 ? 0 : abs >= 10 ? 1 : 2].format(value);
    }

    /** A power in MW as a planner reads it: kW below 1 MW ("65 kW"), else MW ("430 MW"). */
    public static String power(double mw) {
        return mw < 1 ? num(mw * 1000) + " kW" : num(mw) + " MW";
    }

    /**
     * A fact's value as a planner reads it: a year without a thousands separator ("2032"), a
     * {@code yyyymmdd} date as a date ("2026-11-27"), else {@link #num}.
     */
    public static String value(double value, String unit) {
        if (unit != null && unit.startsWith("year") && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        if ("yyyymmdd".equals(unit) && value == Math.rint(value)) {
            LocalDate date = date(value);
            return date == null ? Long.toString((long) value) : date.toString();
        }
        return num(value);
    }

    /** A {@code yyyymmdd} fact's value as a date; null when it is not one. */
    public static LocalDate date(double yyyymmdd) {
        return io.firstwall.facts.Staleness.date(yyyymmdd);
    }

    /** A fact's value with its unit, as {@link #value} reads it; a date or a year needs no unit. */
    public static String valueWithUnit(double value, String unit) {
        String v = value(value, unit);
        boolean self = unit == null || unit.isBlank() || "yyyymmdd".equals(unit)
                || (unit.equals("year") && value == Math.rint(value));
        return self ? v : v + " " + unit;
    }

    /** A moment as people read it: "2026-11-29 05:37 UTC". */
    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** "Dec 2026". */
    public static String month(LocalDate date) {
        return date == null ? "never" : MONTH.format(date);
    }

    /** An amount with its unit, "1,234 MW". */
    public static String amount(double value, String unit) {
        return num(value) + " " + unit;
    }
}

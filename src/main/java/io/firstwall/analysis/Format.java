package io.firstwall.analysis;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
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

    /** A fact's value as a planner reads it: a year without a thousands separator ("2032"), else {@link #num}. */
    public static String value(double value, String unit) {
        if (unit != null && unit.startsWith("year") && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return num(value);
    }

    /** "Dec 2026". */
    public static String month(LocalDate date) {
        return date == null ? "never" : MONTH.format(date);
    }

    /** An amount with its unit, "1,234 MW". */
    public static String amount(double value, String unit) {
        return num(value) + " " + unit;
    }
}

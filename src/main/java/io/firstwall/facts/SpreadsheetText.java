package io.firstwall.facts;

/**
 * Text for a CSV that people open in a spreadsheet: a cell that starts with = + - @, a tab or a
 * carriage return would run as a formula (CSV injection), so it is written with a leading
 * apostrophe, which spreadsheets show as text and do not display.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** Whether a spreadsheet would run this cell as a formula. */
    public static boolean isFormula(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    /** The text as a cell a spreadsheet shows as text. */
    public static String cell(String text) {
        return isFormula(text) ? "'" + text : text;
    }
}

package io.firstwall.system;

/**
 * Text for a CSV that people open in a spreadsheet: a cell that starts with = + - @, a tab or a
 * carriage return would run as a formula (CSV injection), so it is written with a leading
 * apostrophe, which spreadsheets show as text and do not display.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}

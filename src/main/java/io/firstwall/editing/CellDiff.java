package io.firstwall.editing;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A table's changed rows cell by cell: a removed row followed by an added one is one changed row,
 * and only the cells that differ are marked, so that an expert sees "48 → 60" in the value column
 * instead of two whole CSV lines to compare by eye.
 */
public final class CellDiff {

    /** One cell: its text before and after (equal when unchanged; null on a side where the row does not exist). */
    public record Cell(String before, String after) {
        public boolean changed() {
            return before == null ? after != null : !before.equals(after);
        }
    }

    /** One row: {@code +} added, {@code -} removed, {@code ~} changed. */
    public record Row(char op, List<Cell> cells) {
    }

    private CellDiff() {
    }

    /** Whether a file is shown as a table (CSV fact files and decision tables). */
    public static boolean isTable(String path) {
        return path != null && path.endsWith(".csv");
    }

    /**
     * The column names of the changed fact files (their first row), so that a changed cell is shown under
     * its column; decision tables start with engine rows, not names, and get none.
     */
    public static Map<String, List<String>> headers(Collection<String> paths, Map<String, String> after,
            Map<String, String> before) {
        Map<String, List<String>> headers = new TreeMap<>();
        for (String path : paths) {
            String text = after.get(path) != null ? after.get(path) : before.get(path);
            if (isTable(path) && !path.endsWith(".drl.csv") && text != null && !text.isEmpty()) {
                headers.put(path, cells(text.lines().findFirst().orElse("")));
            }
        }
        return headers;
    }

    /** The changed lines of a CSV file as rows of cells; a line that is not CSV becomes one cell. */
    public static List<Row> rows(List<LineDiff.Line> lines) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            List<LineDiff.Line> removed = new ArrayList<>();
            while (i < lines.size() && lines.get(i).op() == '-') {
                removed.add(lines.get(i++));
            }
            List<LineDiff.Line> added = new ArrayList<>();
            while (i < lines.size() && lines.get(i).op() == '+') {
                added.add(lines.get(i++));
            }
            if (removed.isEmpty() && added.isEmpty()) {
                i++;
                continue;
            }
            int paired = Math.min(removed.size(), added.size());
            for (int k = 0; k < paired; k++) {
                rows.add(changed(cells(removed.get(k).text()), cells(added.get(k).text())));
            }
            removed.subList(paired, removed.size())
                    .forEach(l -> rows.add(new Row('-', cells(l.text()).stream().map(c -> new Cell(c, null)).toList())));
            added.subList(paired, added.size())
                    .forEach(l -> rows.add(new Row('+', cells(l.text()).stream().map(c -> new Cell(null, c)).toList())));
        }
        return rows;
    }

    private static Row changed(List<String> before, List<String> after) {
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(before.size(), after.size()); c++) {
            cells.add(new Cell(c < before.size() ? before.get(c) : null, c < after.size() ? after.get(c) : null));
        }
        return new Row('~', cells);
    }

    private static List<String> cells(String line) {
        try {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(line)).getRecords();
            return records.isEmpty() ? List.of("") : records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            return List.of(line);
        }
    }
}

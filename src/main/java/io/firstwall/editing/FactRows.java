package io.firstwall.editing;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import io.firstwall.facts.FactCsvReader;

/**
 * One fact's row in a facts CSV, as text: found, replaced, added or removed without touching any
 * other line, so that a one-fact edit is a one-row diff. Rows are one line each (the fact files
 * are written that way); the reader checks the file as a whole afterwards.
 */
public final class FactRows {

    private static final CSVFormat ROW = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("").get();

    /** A fact as its text fields, in the column order of {@link FactCsvReader#FACT_COLUMNS}. */
    public record Row(String file, int line, List<String> fields) {

        public String id() {
            return fields.get(0);
        }

        public String get(String column) {
            int i = FactCsvReader.FACT_COLUMNS.indexOf(column);
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    private FactRows() {
    }

    /** Every fact row of the facts files, in file order. */
    static List<Row> all(Map<String, String> texts) {
        List<Row> rows = new ArrayList<>();
        texts.forEach((file, text) -> {
            if (!file.startsWith("facts/")) {
                return;
            }
            String[] lines = text.split("\n", -1);
            boolean header = true;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                List<String> fields = parse(line);
                if (!fields.isEmpty()) {
                    rows.add(new Row(file, i, fields));
                }
            }
        });
        return rows;
    }

    static Optional<Row> find(Map<String, String> texts, String id) {
        return all(texts).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static List<String> parse(String line) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get()
                .parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return List.of();
            }
            List<String> fields = new ArrayList<>(records.get(0).toList().stream().map(String::strip).toList());
            while (fields.size() < FactCsvReader.FACT_COLUMNS.size()) {
                fields.add("");
            }
            return fields;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** How many columns a fact file has without the optional columns (distribution, projects). */
    private static final int BASE_COLUMNS = FactCsvReader.FACT_COLUMNS.indexOf("distribution");

    /** A row as CSV text: quoted only where a field needs it; blank optional columns at the end are left out. */
    static String format(List<String> fields) {
        List<String> clean = new ArrayList<>(fields.stream().map(f -> f == null ? "" : f.strip()).toList());
        while (clean.size() > BASE_COLUMNS && clean.get(clean.size() - 1).isEmpty()) {
            clean.remove(clean.size() - 1);
        }
        return ROW.format(clean.toArray());
    }

    /** The file's lines, its header given every optional column when the row now fills one the header lacks. */
    private static String[] withColumnsFor(String text, List<String> fields) {
        String[] lines = text.split("\n", -1);
        int used = 0;
        for (int i = BASE_COLUMNS; i < fields.size(); i++) {
            if (fields.get(i) != null && !fields.get(i).isBlank()) {
                used = i + 1;
            }
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (used > 0 && headerColumns(line) < used) {
                lines[i] = String.join(",", FactCsvReader.FACT_COLUMNS);
            }
            break;
        }
        return lines;
    }

    /** How many of the fact columns a header line names (the header is a prefix of them). */
    private static int headerColumns(String header) {
        List<String> names = parse(header);
        int n = 0;
        while (n < names.size() && n < FactCsvReader.FACT_COLUMNS.size()
                && names.get(n).equals(FactCsvReader.FACT_COLUMNS.get(n))) {
            n++;
        }
        return n;
    }

    /** The file with the row at {@code line} replaced. */
    static String replace(String text, int line, List<String> fields) {
        String[] lines = withColumnsFor(text, fields);
        lines[line] = format(fields);
        return String.join("\n", lines);
    }

    /** The file with the row at {@code line} removed. */
    static String remove(String text, int line) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(line);
        return String.join("\n", lines);
    }

    /** The file with a row added at the end (a new file gets the header first). */
    static String append(String text, List<String> fields) {
        StringBuilder out = new StringBuilder(text == null || text.isBlank()
                ? String.join(",", FactCsvReader.FACT_COLUMNS) + "\n"
                : String.join("\n", withColumnsFor(text, fields)));
        if (out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        return out.append(format(fields)).append('\n').toString();
    }
}

package io.firstwall.facts;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the fact base from a data directory: every {@code facts/**.csv}, plus {@code regions.csv}
 * and {@code accelerators.csv}. Either everything is valid and a {@link FactBase} comes back, or a
 * {@link FactLoadException} lists every problem with its file and line.
 */
public final class FactCsvReader {

    public static final List<String> FACT_COLUMNS =
            List.of("id", "value", "low", "high", "unit", "as_of", "source", "status", "note", "distribution", "projects");
    public static final List<String> REGION_COLUMNS =
            List.of("id", "name", "kind", "climate", "grid_operator", "source", "status");
    public static final List<String> ACCELERATOR_COLUMNS = List.of("id", "name", "source", "status");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setCommentMarker('#')
            .get();

    static final String REGIONS = "regions.csv";
    static final String ACCELERATORS = "accelerators.csv";

    private final List<String> problems = new ArrayList<>();

    private FactCsvReader() {
    }

    public static FactBase read(Path dataDir) {
        return read(texts(dataDir));
    }

    /**
     * The text of every file the fact base is read from, keyed by its path under the data
     * directory ({@code facts/power.csv}, {@code regions.csv}, {@code accelerators.csv}).
     */
    public static Map<String, String> texts(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new FactLoadException(List.of(dataDir + ": the data directory does not exist"));
        }
        FactCsvReader reader = new FactCsvReader();
        Map<String, String> texts = new TreeMap<>();
        for (Path file : reader.csvFiles(dataDir.resolve("facts"))) {
            texts.put(dataDir.relativize(file).toString().replace('\\', '/'), reader.readText(file));
        }
        for (String catalogue : List.of(REGIONS, ACCELERATORS)) {
            if (Files.isRegularFile(dataDir.resolve(catalogue))) {
                texts.put(catalogue, reader.readText(dataDir.resolve(catalogue)));
            }
        }
        reader.failIfProblems();
        return texts;
    }

    /** Reads a fact base from file texts keyed as {@link #texts(Path)} returns them. */
    public static FactBase read(Map<String, String> texts) {
        Map<String, String> clean = new TreeMap<>();
        texts.forEach((path, text) -> clean.put(path, withoutByteOrderMark(text)));
        return new FactCsvReader().readAll(clean);
    }

    /** The text without the UTF-8 byte-order mark that Excel writes at the start of a CSV. */
    public static String withoutByteOrderMark(String text) {
        return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Whether a path under the data directory is one the fact base is read from. */
    public static boolean isFactFile(String path) {
        return path.equals(REGIONS) || path.equals(ACCELERATORS)
                || path.matches("facts/([A-Za-z0-9_\\-]+/)*[A-Za-z0-9_\\-]+\\.csv");
    }

    /** Reads one facts CSV given as text, for uploads and tests. */
    public static List<Fact> readFacts(String fileName, String csv) {
        FactCsvReader reader = new FactCsvReader();
        List<Fact> facts = reader.parseFacts(fileName, withoutByteOrderMark(csv));
        reader.failIfProblems();
        return facts;
    }

    private FactBase readAll(Map<String, String> texts) {
        List<Fact> facts = new ArrayList<>();
        texts.forEach((path, text) -> {
            if (path.startsWith("facts/")) {
                facts.addAll(parseFacts(path, text));
            }
        });
        if (texts.keySet().stream().noneMatch(p -> p.startsWith("facts/"))) {
            problems.add("facts/: no fact files (*.csv) found");
        }
        checkUniqueIds(facts);
        List<Region> regions = parseRegions(REGIONS, texts.get(REGIONS));
        List<Accelerator> accelerators = parseAccelerators(ACCELERATORS, texts.get(ACCELERATORS));
        failIfProblems();
        return new FactBase(facts, regions, accelerators);
    }

    /**
     * A text cell that a spreadsheet would run as a formula (it starts with = + - @ or a tab) is
     * refused, so that no fact file, and no export of one, can carry a formula to an analyst's Excel.
     */
    private void formula(String where, String column, String text) {
        if (SpreadsheetText.isFormula(text)) {
            problems.add(where + ": " + column + " starts with '" + text.charAt(0) + "', which a spreadsheet would run"
                    + " as a formula; start it with a letter or a digit");
        }
    }

    /**
     * The projects column names backtest projects by their file names without .json: small letters,
     * digits and hyphens, separated by spaces.
     */
    private void projects(String where, String text) {
        for (String id : text.isEmpty() ? new String[0] : text.split("\\s+")) {
            boolean ok = !id.isEmpty() && id.length() <= 60 && Character.isLetterOrDigit(id.charAt(0));
            for (int i = 0; ok && i < id.length(); i++) {
                char c = id.charAt(i);
                ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            }
            if (!ok) {
                problems.add(where + ": projects names '" + id + "', which is not a backtest project id (small letters,"
                        + " digits and -, like colossus-1, separated by spaces)");
            }
        }
    }

    private void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new FactLoadException(problems);
        }
    }

    private List<Path> csvFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            problems.add(dir + ": cannot list files (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private String readText(Path file) {
        try {
            return withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(file + ": cannot read (" + e.getMessage() + ")");
            return "";
        }
    }

    /** A CSV row with the file line it ends on. */
    private record Row(long line, CSVRecord record) {
        String get(int i) {
            return record.get(i);
        }

        int size() {
            return record.size();
        }
    }

    /**
     * The data rows of a CSV file whose header must be the first {@code required} expected columns,
     * optionally followed by the remaining expected columns in order.
     */
    private List<Row> records(String file, String text, List<String> expected, int required) {
        List<Row> rows = new ArrayList<>();
        try (Reader in = new StringReader(text); CSVParser parser = FORMAT.parse(in)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (header == null) {
                    header = record.toList().stream().map(String::trim).toList();
                    boolean ok = header.size() >= required && header.size() <= expected.size()
                            && header.equals(expected.subList(0, header.size()));
                    if (!ok) {
                        problems.add(file + ":" + line + ": wrong columns " + String.join(",", header)
                                + "; expected " + String.join(",", expected));
                        return List.of();
                    }
                } else {
                    rows.add(new Row(line, record));
                }
            }
            if (header == null) {
                problems.add(file + ": the file is empty; expected the header " + String.join(",", expected));
            }
            return rows;
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            problems.add(file + ": not valid CSV (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private List<Fact> parseFacts(String file, String text) {
        List<Fact> facts = new ArrayList<>();
        for (Row row : records(file, text, FACT_COLUMNS, 8)) {
            String where = file + ":" + row.line();
            if (row.size() < 8) {
                problems.add(where + ": expected at least 8 fields, found " + row.size());
                continue;
            }
            int before = problems.size();
            String id = row.get(0).trim();
            String seriesProblem = Series.problem(id);
            if (seriesProblem != null) {
                problems.add(where + ": " + seriesProblem);
            }
            Double value = number(where, "value", row.get(1), true);
            Double low = number(where, "low", row.get(2), false);
            Double high = number(where, "high", row.get(3), false);
            String unit = row.get(4).trim();
            if (unit.isEmpty()) {
                problems.add(where + ": unit is empty");
            }
            LocalDate asOf = date(where, row.get(5));
            String source = row.get(6).trim();
            if (source.isEmpty()) {
                problems.add(where + ": source is empty; every fact needs where it came from");
            }
            FactStatus status = status(where, row.get(7));
            String note = row.size() > 8 ? row.get(8).trim() : "";
            String distribution = row.size() > 9 ? row.get(9).trim() : "";
            String projects = row.size() > 10 ? row.get(10).trim() : "";
            projects(where, projects);
            try {
                String event = Spread.parse(distribution).eventProblem(value, low, high);
                if (event != null) {
                    problems.add(where + ": " + event);
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
            formula(where, "id", id);
            formula(where, "unit", unit);
            formula(where, "source", source);
            formula(where, "note", note);
            fits(where, "id", id, 200);
            fits(where, "unit", unit, 100);
            fits(where, "source", source, 4000);
            fits(where, "note", note, 4000);
            fits(where, "distribution", distribution, 100);
            fits(where, "projects", projects, 400);
            if (value != null && low != null && low > value) {
                problems.add(where + ": low " + low + " is above value " + value);
            }
            if (value != null && high != null && high < value) {
                problems.add(where + ": high " + high + " is below value " + value);
            }
            if (problems.size() == before) {
                facts.add(new Fact(id, value, low, high, unit, asOf, source, status, note, distribution, projects));
            }
        }
        return facts;
    }

    private void checkUniqueIds(List<Fact> facts) {
        Map<String, Integer> seen = new HashMap<>();
        for (Fact fact : facts) {
            if (seen.merge(fact.id(), 1, Integer::sum) == 2) {
                problems.add("fact id '" + fact.id() + "' is defined more than once");
            }
        }
        problems.addAll(Series.unitProblems(facts));
    }

    private Double number(String where, String column, String text, boolean required) {
        String t = text.trim();
        if (t.isEmpty()) {
            if (required) {
                problems.add(where + ": " + column + " is empty");
            }
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(where + ": " + column + " '" + t + "' is not a number");
            return null;
        }
    }

    private LocalDate date(String where, String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(t), 1, 1);
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return LocalDate.parse(t + "-01");
            }
            return LocalDate.parse(t);
        } catch (DateTimeParseException | NumberFormatException e) {
            problems.add(where + ": as_of '" + t + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }
    }

    private FactStatus status(String where, String text) {
        try {
            return FactStatus.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": status '" + text.trim()
                    + "' must be one of primary, secondary, derived, assumption");
            return null;
        }
    }

    /** A text longer than the database column that stores it is refused here, not when it is published. */
    private void fits(String where, String column, String text, int max) {
        if (text.length() > max) {
            problems.add(where + ": " + column + " has " + text.length() + " characters; it may have at most " + max);
        }
    }

    private List<Region> parseRegions(String name, String text) {
        List<Region> regions = new ArrayList<>();
        if (text == null) {
            problems.add(name + ": missing (the region catalogue)");
            return regions;
        }
        for (Row row : records(name, text, REGION_COLUMNS, REGION_COLUMNS.size())) {
            String where = name + ":" + row.line();
            if (row.size() != REGION_COLUMNS.size()) {
                problems.add(where + ": expected " + REGION_COLUMNS.size() + " fields, found " + row.size());
                continue;
            }
            String kind = row.get(2).trim();
            if (!kind.equals("terrestrial") && !kind.equals("orbit")) {
                problems.add(where + ": kind '" + kind + "' must be terrestrial or orbit");
                continue;
            }
            if (row.get(5).isBlank()) {
                problems.add(where + ": source is empty");
                continue;
            }
            FactStatus status = status(where, row.get(6));
            int before = problems.size();
            fits(where, "id", row.get(0).trim(), 64);
            fits(where, "name", row.get(1).trim(), 200);
            fits(where, "climate", row.get(3).trim(), 32);
            fits(where, "grid_operator", row.get(4).trim(), 200);
            fits(where, "source", row.get(5).trim(), 2000);
            if (status == null || problems.size() > before) {
                continue;
            }
            regions.add(new Region(row.get(0).trim(), row.get(1).trim(), kind.equals("orbit"),
                    row.get(3).trim(), row.get(4).trim(), row.get(5).trim(), status.label()));
        }
        return regions;
    }

    private List<Accelerator> parseAccelerators(String name, String text) {
        List<Accelerator> accelerators = new ArrayList<>();
        if (text == null) {
            problems.add(name + ": missing (the accelerator catalogue)");
            return accelerators;
        }
        for (Row row : records(name, text, ACCELERATOR_COLUMNS, ACCELERATOR_COLUMNS.size())) {
            String where = name + ":" + row.line();
            if (row.size() != ACCELERATOR_COLUMNS.size() || row.get(2).isBlank()) {
                problems.add(where + ": expected id,name,source,status with a source");
                continue;
            }
            FactStatus status = status(where, row.get(3));
            int before = problems.size();
            fits(where, "id", row.get(0).trim(), 64);
            fits(where, "name", row.get(1).trim(), 200);
            fits(where, "source", row.get(2).trim(), 2000);
            if (status == null || problems.size() > before) {
                continue;
            }
            accelerators.add(new Accelerator(row.get(0).trim(), row.get(1).trim(), row.get(2).trim(), status.label()));
        }
        return accelerators;
    }
}

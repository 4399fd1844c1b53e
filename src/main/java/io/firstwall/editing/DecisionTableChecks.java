package io.firstwall.editing;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.firstwall.facts.Region;
import io.firstwall.plan.Power;
import io.firstwall.rules.RuleProblem;

/**
 * What DMN tools check in a decision table, for the tables of {@code rules/}: every row whose
 * conditions a plan meets applies (all matching rows, DMN's COLLECT; a blank cell matches anything),
 * so two rows that can match the same plan and add the same lane are an overlap (one plan gets both),
 * and a region of the catalogue that no row of a lane covers for a power type the lane names is a gap
 * (a plan there gets no such lane). Warnings, not errors: a gap can be meant.
 */
public final class DecisionTableChecks {

    /** The hit policy, in words, as the editor states it. */
    public static final String HIT_POLICY = "Every row whose conditions a plan meets applies (all matching rows add"
            + " their lane); a blank cell matches anything.";

    private DecisionTableChecks() {
    }

    private record Table(List<String> types, List<String> code, List<String> labels, List<CSVRecord> rows,
            List<Integer> lines) {
    }

    /** What a column of a table holds, as the business grid edits it and validation checks it. */
    public enum CellType {
        /** The rule's id and sentence. */
        NAME,
        /** A region id of the fact base. */
        REGION,
        /** One of the power types. */
        POWER,
        /** true or false; blank for either. */
        YES_NO,
        /** A number. */
        NUMBER,
        /** A fact id of the fact base. */
        FACT,
        /** Free text. */
        TEXT
    }

    /**
     * A business column: its place in the CSV, its header, what it holds, and the engine cells it was
     * typed from (its kind, CONDITION or ACTION, and its code), so the grid can tell when they change.
     */
    public record Column(int index, String label, CellType type, String kind, String code) {
    }

    /** The business columns of a table; empty when the text is not a readable decision table. */
    public static List<Column> columns(String text) {
        Table t = read(text);
        if (t == null) {
            return List.of();
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < t.types().size(); c++) {
            String kind = t.types().get(c).trim();
            if (kind.isEmpty()) {
                continue;
            }
            String label = c < t.labels().size() ? t.labels().get(c) : "";
            String code = c < t.code().size() ? t.code().get(c) : "";
            columns.add(new Column(c, label, type(kind, code), kind, code));
        }
        return columns;
    }

    private static CellType type(String kind, String code) {
        if (kind.equals("NAME")) {
            return CellType.NAME;
        }
        if (!kind.equals("CONDITION")) {
            return CellType.TEXT;
        }
        if (code.contains("facts.get(\"$param\")")) {
            return CellType.FACT;
        }
        if (code.contains("Power.$param")) {
            return CellType.POWER;
        }
        if (code.contains("location") && code.contains("\"$param\"")) {
            return CellType.REGION;
        }
        if (code.contains("flag(") && code.contains("== $param")) {
            return CellType.YES_NO;
        }
        String last = code.substring(code.lastIndexOf(',') + 1);
        if (!code.contains("\"$param\"") && (last.contains(">") || last.contains("<"))) {
            return CellType.NUMBER;
        }
        return CellType.TEXT;
    }

    /**
     * Cells that cannot mean what their column needs, in plain words at their row ("row 12, Generation
     * above (MW): '10x0' is not a number"). These are errors: the compiler would fail on them, or a
     * plan would fail for a fact that does not exist.
     */
    public static List<RuleProblem> cellErrors(String path, String text, Collection<Region> regions, Set<String> factIds) {
        Table t = read(text);
        if (t == null) {
            return List.of();
        }
        Set<String> regionIds = new TreeSet<>();
        regions.forEach(r -> regionIds.add(r.id()));
        List<RuleProblem> errors = new ArrayList<>();
        List<Column> columns = columns(text);
        for (int i = 0; i < t.rows().size(); i++) {
            CSVRecord r = t.rows().get(i);
            int line = t.lines().get(i);
            for (Column c : columns) {
                String v = cell(r, c.index());
                if (v.isEmpty()) {
                    continue;
                }
                String wrong = v.contains("\n") || v.contains("\r")
                        ? "the cell has a line break, which Drools reads as the end of the row; keep each cell on one line"
                        : switch (c.type()) {
                    case NUMBER -> isNumber(v) ? null : "'" + v + "' is not a number; write it with digits and a"
                            + " decimal point, like 100 or 0.5";
                    case POWER -> powers().contains(v) ? null : "'" + v + "' is not a power type; use one of "
                            + String.join(", ", powers());
                    case REGION -> regionIds.contains(v) ? null : "'" + v + "' is not a region of the fact base; use one of "
                            + String.join(", ", regionIds);
                    case YES_NO -> v.equals("true") || v.equals("false") ? null
                            : "'" + v + "' is neither true nor false (leave it blank for either)";
                    case FACT -> factIds.contains(v) ? null : "there is no fact '" + v + "' in the fact base";
                    default -> null;
                };
                if (wrong != null) {
                    errors.add(new RuleProblem(path, line, 0, "row " + line + ", " + (c.label().isBlank()
                            ? "column " + (c.index() + 1) : c.label()) + ": " + wrong));
                }
            }
        }
        return errors;
    }

    /** The power types, as a cell names them. */
    static List<String> powers() {
        return Arrays.stream(Power.values()).map(Enum::name).toList();
    }

    private static boolean isNumber(String v) {
        try {
            return Double.isFinite(new BigDecimal(v).doubleValue());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The most warnings of one kind listed; the rest are counted in one more warning. */
    static final int MAX_PER_KIND = 50;
    /** The largest table whose rows are compared pair by pair for overlaps. */
    static final int MAX_ROWS_COMPARED = 2_000;

    /** Overlaps and gaps of one decision table ({@code path} as messages name it); empty when it cannot be read. */
    public static List<RuleProblem> check(String path, String text, Collection<Region> regions) {
        Table t = read(text);
        if (t == null) {
            return List.of();
        }
        int region = column(t, "location ==");
        int power = column(t, "power ==");
        int action = t.types().indexOf("ACTION");
        List<RuleProblem> warnings = new ArrayList<>();
        int overlaps = 0;
        if (t.rows().size() > MAX_ROWS_COMPARED) {
            warnings.add(new RuleProblem(path, 0, 0, "the table has " + t.rows().size() + " rows; overlaps are looked for"
                    + " in tables of at most " + MAX_ROWS_COMPARED + " rows, so this one was not checked for them"));
        }
        for (int a = 0; a < t.rows().size() && t.rows().size() <= MAX_ROWS_COMPARED; a++) {
            for (int b = a + 1; b < t.rows().size(); b++) {
                CSVRecord ra = t.rows().get(a);
                CSVRecord rb = t.rows().get(b);
                if (action >= 0 && lane(ra, action).equals(lane(rb, action)) && canMatchTheSamePlan(t, ra, rb)) {
                    if (++overlaps <= MAX_PER_KIND) {
                        warnings.add(new RuleProblem(path, t.lines().get(b), 0, "overlap: " + id(ra) + " and " + id(rb)
                                + " can both apply to the same plan and both add the '" + lane(ra, action) + "' lane, so"
                                + " that plan would get it twice; make their conditions differ or merge them"));
                    }
                }
            }
        }
        if (overlaps > MAX_PER_KIND) {
            warnings.add(new RuleProblem(path, 0, 0, "overlap: " + (overlaps - MAX_PER_KIND) + " more pairs of rows overlap"
                    + " (" + overlaps + " in all; the first " + MAX_PER_KIND + " are listed)"));
        }
        if (region >= 0 && power >= 0 && action >= 0) {
            Set<String> catalogue = new TreeSet<>();
            regions.stream().filter(r -> !r.orbital()).forEach(r -> catalogue.add(r.id()));
            Set<String> lanePowers = new LinkedHashSet<>();
            for (CSVRecord r : t.rows()) {
                if (!cell(r, power).isEmpty()) {
                    lanePowers.add(lane(r, action) + "\u0000" + cell(r, power));
                }
            }
            int gaps = 0;
            for (String lp : lanePowers) {
                String lane = lp.substring(0, lp.indexOf('\u0000'));
                String pw = lp.substring(lp.indexOf('\u0000') + 1);
                Set<String> missing = new TreeSet<>(catalogue);
                for (CSVRecord r : t.rows()) {
                    if (lane(r, action).equals(lane) && (cell(r, power).isEmpty() || cell(r, power).equals(pw))) {
                        if (cell(r, region).isEmpty()) {
                            missing.clear();
                        } else {
                            missing.remove(cell(r, region));
                        }
                    }
                }
                if (!missing.isEmpty() && ++gaps <= MAX_PER_KIND) {
                    warnings.add(new RuleProblem(path, 0, 0, "gap: no row gives " + pw + " plans in "
                            + String.join(", ", missing) + " the '" + lane + "' lane; a plan there gets none"));
                }
            }
            if (gaps > MAX_PER_KIND) {
                warnings.add(new RuleProblem(path, 0, 0, "gap: " + (gaps - MAX_PER_KIND) + " more lanes and power types"
                        + " have regions that no row covers (" + gaps + " in all; the first " + MAX_PER_KIND + " are listed)"));
            }
        }
        return warnings;
    }

    private static boolean canMatchTheSamePlan(Table t, CSVRecord a, CSVRecord b) {
        for (int c = 0; c < t.types().size(); c++) {
            if (!"CONDITION".equals(t.types().get(c))) {
                continue;
            }
            String code = c < t.code().size() ? t.code().get(c) : "";
            String va = cell(a, c);
            String vb = cell(b, c);
            // A blank cell matches anything; "above" thresholds and "not this" cells always leave plans both match.
            if (va.isEmpty() || vb.isEmpty() || code.contains("> $param") || code.contains("!=")
                    || code.contains("facts.get")) {
                continue;
            }
            if (!va.equals(vb)) {
                return false;
            }
        }
        return true;
    }

    private static int column(Table t, String codePart) {
        for (int c = 0; c < t.code().size(); c++) {
            if ("CONDITION".equals(t.types().get(c)) && t.code().get(c).contains(codePart)) {
                return c;
            }
        }
        return -1;
    }

    private static String lane(CSVRecord r, int action) {
        String value = cell(r, action);
        int comma = value.indexOf(',');
        return comma < 0 ? value : value.substring(0, comma).trim();
    }

    private static String id(CSVRecord r) {
        String name = cell(r, 0);
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private static String cell(CSVRecord r, int c) {
        return c < r.size() ? r.get(c).trim() : "";
    }

    private static Table read(String text) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        int start = -1;
        for (int i = 0; i < records.size(); i++) {
            if (cell(records.get(i), 0).startsWith("RuleTable")) {
                start = i;
                break;
            }
        }
        if (start < 0 || start + 4 >= records.size()) {
            return null;
        }
        List<CSVRecord> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = start + 5; i < records.size(); i++) {
            if (cell(records.get(i), 0).isEmpty()) {
                break;
            }
            rows.add(records.get(i));
            lines.add((int) records.get(i).getRecordNumber());
        }
        return new Table(records.get(start + 1).toList(), records.get(start + 3).toList(),
                records.get(start + 4).toList(), rows, lines);
    }
}

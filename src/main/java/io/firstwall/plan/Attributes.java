package io.firstwall.plan;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The plan attributes the rules read, declared once in {@code rules/attributes.csv} (name, type,
 * unit, allowed values, meaning), so that an expert adds one beside the rule that reads it. A plan
 * with an attribute not declared here, or of the wrong type, is refused with the declared names
 * closest to it ("did you mean turbineSlotReserved?").
 */
public record Attributes(Map<String, Attribute> declared) {

    /** Where the declarations are, under the rules directory. */
    public static final String FILE = "attributes.csv";

    /** No declarations: every attribute is accepted as it is (tests and old callers). */
    public static final Attributes NONE = new Attributes(Map.of());

    static final List<String> COLUMNS = List.of("name", "label", "type", "unit", "allowed", "meaning");

    /** One declared attribute; {@code allowed} is a choice's values or a number's {@code min-max}. */
    public record Attribute(String name, String label, Type type, String unit, String allowed, String meaning) {

        /** A number's lower bound, or null. */
        public Double min() {
            double[] r = type == Type.NUMBER && !allowed.isEmpty() ? range(allowed) : null;
            return r == null ? null : r[0];
        }

        /** A number's upper bound, or null. */
        public Double max() {
            double[] r = type == Type.NUMBER && !allowed.isEmpty() ? range(allowed) : null;
            return r == null ? null : r[1];
        }

        /** The choice's values, or empty. */
        public List<String> choices() {
            return type == Type.CHOICE ? List.of(allowed.split("\\|")) : List.of();
        }
    }

    /** What an attribute holds. */
    public enum Type {
        YES_NO, NUMBER, CHOICE;

        static Type parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "yes/no" -> YES_NO;
                case "number" -> NUMBER;
                case "choice" -> CHOICE;
                default -> throw new IllegalArgumentException("type '" + text.strip() + "' is not yes/no, number or choice");
            };
        }
    }

    public Attributes {
        declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
    }

    /**
     * Reads the declarations.
     *
     * @throws IllegalArgumentException listing each bad line as {@code line N: ...}
     */
    public static Attributes parse(String csv) {
        Map<String, Attribute> declared = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .get().parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
            boolean header = true;
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                if (header) {
                    header = false;
                    if (!row.toList().stream().map(String::strip).toList().equals(COLUMNS)) {
                        problems.add("line " + line + ": the header must be " + String.join(",", COLUMNS));
                        break;
                    }
                    continue;
                }
                if (row.size() != COLUMNS.size()) {
                    problems.add("line " + line + ": expected " + COLUMNS.size() + " fields, found " + row.size());
                    continue;
                }
                String name = row.get(0).strip();
                if (!name.matches("[a-z][A-Za-z0-9]{0,59}")) {
                    problems.add("line " + line + ": name '" + name + "' must be a camelCase word");
                    continue;
                }
                try {
                    String label = row.get(1).strip();
                    if (label.isEmpty()) {
                        throw new IllegalArgumentException("'" + name + "' needs a label, the words the form shows");
                    }
                    Type type = Type.parse(row.get(2));
                    String allowed = row.get(4).strip();
                    if (type == Type.CHOICE && allowed.isEmpty()) {
                        throw new IllegalArgumentException("a choice needs its values in allowed (A|B)");
                    }
                    if (type == Type.NUMBER && !allowed.isEmpty() && range(allowed) == null) {
                        throw new IllegalArgumentException("allowed '" + allowed + "' is not a range min-max");
                    }
                    if (declared.put(name, new Attribute(name, label, type, row.get(3).strip(), allowed, row.get(5).strip())) != null) {
                        throw new IllegalArgumentException("'" + name + "' is declared twice");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | IllegalStateException e) {
            problems.add("not valid CSV (" + e.getMessage() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Attributes(declared);
    }

    private static double[] range(String allowed) {
        String[] ends = allowed.split("(?<=\\d)-", 2);
        try {
            return ends.length == 2 ? new double[] {Double.parseDouble(ends[0]), Double.parseDouble(ends[1])} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The problems of a plan's attributes against the declarations; none when nothing is declared. */
    public List<PlanProblem> check(Map<String, Object> values) {
        List<PlanProblem> problems = new ArrayList<>();
        if (declared.isEmpty()) {
            return problems;
        }
        values.forEach((key, value) -> {
            String at = "attributes." + key;
            Attribute a = declared.get(key);
            if (a == null) {
                problems.add(new PlanProblem(at, "is not an attribute the rules read" + suggestion(key)
                        .map(s -> "; did you mean " + s + "?").orElse("; the attributes are " + String.join(", ",
                                declared.keySet()))));
                return;
            }
            switch (a.type()) {
                case YES_NO -> {
                    if (!(value instanceof Boolean)) {
                        problems.add(new PlanProblem(at, "must be true or false (yes/no), not " + value));
                    }
                }
                case NUMBER -> {
                    if (!(value instanceof Number n)) {
                        problems.add(new PlanProblem(at, "must be a number" + (a.unit().isEmpty() ? "" : " in " + a.unit())
                                + ", not " + value));
                    } else {
                        double[] r = a.allowed().isEmpty() ? null : range(a.allowed());
                        if (r != null && (n.doubleValue() < r[0] || n.doubleValue() > r[1])) {
                            problems.add(new PlanProblem(at, "must be between " + a.allowed().replace("-", " and ")
                                    + (a.unit().isEmpty() ? "" : " " + a.unit()) + ", not " + value));
                        }
                    }
                }
                case CHOICE -> {
                    if (!a.choices().contains(String.valueOf(value))) {
                        problems.add(new PlanProblem(at, "must be one of " + String.join(", ", a.choices()) + ", not "
                                + value));
                    }
                }
            }
        });
        if (Boolean.TRUE.equals(values.get(SLOT_RESERVED)) && declared.containsKey(SLOT_MW)
                && !(values.get(SLOT_MW) instanceof Number n && n.doubleValue() > 0)) {
            problems.add(new PlanProblem("attributes." + SLOT_MW, "is required with " + SLOT_RESERVED + ": say how many MW"
                    + " of turbines the reserved slot covers (a reservation has a size; the rest of the plan waits for the open"
                    + " market)"));
        }
        return problems;
    }

    /** A reserved turbine slot has a size: a reservation without one would cover any plan at once. */
    static final String SLOT_RESERVED = "turbineSlotReserved";
    static final String SLOT_MW = "turbineSlotMW";

    /** The declared name closest to {@code key}, if it is close (a typo, a case slip). */
    public Optional<String> suggestion(String key) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return declared.keySet().stream()
                .map(name -> Map.entry(name, distance.apply(name.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(2, key.length() / 4))
                .min(Comparator.comparingInt(Map.Entry::getValue)).map(Map.Entry::getKey);
    }

    /** Reads a declarations file's text, or none when there is no file; a broken file is an error. */
    public static Attributes ofFile(String text) {
        return text == null ? NONE : parse(text);
    }
}

package io.firstwall.plan;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What a planner can change in a plan, and what each change costs, declared in
 * {@code rules/levers.csv} so that experts edit, review and publish them with the rules. A lever sets
 * one field of the plan (a declared attribute, or one of {@link #PLAN_FIELDS}) to one of its steps,
 * with fixed companions ({@code with}); its cost is a central figure with a range and a source, as a
 * fact's. The row {@value #DELAY} is no lever: it prices each month a phase's accelerators run late,
 * so that options are ranked by lever costs plus the cost of the delay that remains. What no plan
 * controls (the region's law, the world's CoWoS output) has no row: it is a fact, not a lever.
 */
public record Levers(List<Lever> levers, Lever delay) {

    /** Where the levers are, under the rules directory. */
    public static final String FILE = "levers.csv";

    /** The id of the row that prices a month of delay. */
    public static final String DELAY = "delay";

    /** Plan fields a lever may set, besides declared attributes. */
    public static final Set<String> PLAN_FIELDS = Set.of("targets", "accelerators", "power", "location");

    /** The value of a companion that stands for the plan's facility load at full capacity, in MW. */
    public static final String LOAD = "@load";

    static final List<String> COLUMNS = List.of("id", "label", "field", "steps", "with", "basis", "cost", "low", "high",
            "source", "status", "meaning");

    /** No levers: seeking finds nothing to change. */
    public static final Levers NONE = new Levers(List.of(), null);

    /** How a lever's cost grows with the plan and the step. */
    public enum Basis {
        /** One sum, whatever the plan. */
        FIXED("$"),
        /** Per kW of the plan's facility load at full capacity. */
        PER_KW("$/kW"),
        /** Per kW of load and per unit of the step (months ordered ahead). */
        PER_KW_STEP("$/kW per step"),
        /** Per accelerator at full capacity. */
        PER_ACCELERATOR("$/accelerator"),
        /** Per accelerator and per month (a later target; the delay row). */
        PER_ACCELERATOR_MONTH("$/accelerator-month"),
        /** Per accelerator the step removes from the plan. */
        PER_ACCELERATOR_REMOVED("$/accelerator removed");

        private final String unit;

        Basis(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /**
     * One lever.
     *
     * @param steps the values it can set {@code field} to: an attribute's value, a target shift such as
     *        {@code +6} (months), a size change such as {@code -25%}, a power type or a region
     * @param with attributes set along with it (value {@value #LOAD}: the plan's load in MW)
     */
    public record Lever(String id, String label, String field, List<String> steps, Map<String, String> with,
            Basis basis, double cost, double low, double high, String source, String status, String meaning) {

        public Lever {
            steps = List.copyOf(steps);
            with = Collections.unmodifiableMap(new LinkedHashMap<>(with));
        }

        /** The cost of setting the lever to {@code step} on a plan of {@code loadKw} and {@code accelerators}. */
        public double cost(String step, double loadKw, long accelerators) {
            return cost * quantity(step, loadKw, accelerators);
        }

        /** The cost's low and high ends, in the same way. */
        public double[] range(String step, double loadKw, long accelerators) {
            double q = quantity(step, loadKw, accelerators);
            return new double[] {low * q, high * q};
        }

        private double quantity(String step, double loadKw, long accelerators) {
            return switch (basis) {
                case FIXED -> 1;
                case PER_KW -> loadKw;
                case PER_KW_STEP -> loadKw * Math.abs(number(step));
                case PER_ACCELERATOR -> accelerators;
                case PER_ACCELERATOR_MONTH -> accelerators * Math.abs(number(step));
                case PER_ACCELERATOR_REMOVED -> accelerators * Math.abs(number(step)) / 100.0;
            };
        }

        /** A step's number: {@code +6} is 6, {@code -25%} is -25; 1 for a value that is no number. */
        static double number(String step) {
            try {
                return Double.parseDouble(step.replace("%", "").replace("+", ""));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    public Levers {
        levers = List.copyOf(levers);
    }

    /** The lever of an id, or null. */
    public Lever lever(String id) {
        return levers.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    /** Reads the file when present; a rule set without it has no levers. */
    public static Levers ofFile(String csv, Attributes attributes) {
        return csv == null ? NONE : parse(csv, attributes);
    }

    /**
     * Reads the levers and checks each against the declared attributes: its field exists, its steps and
     * companions are values the field allows, its cost and range are numbers with low ≤ cost ≤ high.
     *
     * @throws IllegalArgumentException listing each bad line as {@code line N: ...}
     */
    public static Levers parse(String csv, Attributes attributes) {
        List<Lever> levers = new ArrayList<>();
        Lever delay = null;
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .get().parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))) {
            boolean header = true;
            Set<String> ids = new java.util.HashSet<>();
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
                try {
                    Lever lever = lever(row, attributes);
                    if (!ids.add(lever.id())) {
                        throw new IllegalArgumentException("lever '" + lever.id() + "' is declared twice");
                    }
                    if (lever.id().equals(DELAY)) {
                        delay = lever;
                    } else {
                        levers.add(lever);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | IllegalStateException e) {
            problems.add("not valid CSV (" + e.getMessage() + ")");
        }
        if (problems.isEmpty() && delay == null && !levers.isEmpty()) {
            problems.add("a row '" + DELAY + "' must price a month of delay (basis PER_ACCELERATOR_MONTH), so that options"
                    + " can be ranked by what remains late");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Levers(levers, delay);
    }

    private static Lever lever(CSVRecord row, Attributes attributes) {
        String id = row.get(0).strip();
        if (!id.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*") || id.length() > 60) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case words joined by . or _ (bridge.mobile_turbines)");
        }
        String label = row.get(1).strip();
        if (label.isEmpty()) {
            throw new IllegalArgumentException("'" + id + "' needs a label, the words a planner reads");
        }
        String field = row.get(2).strip();
        List<String> steps = row.get(3).isBlank() ? List.of() : List.of(row.get(3).strip().split("\\s*\\|\\s*"));
        Basis basis;
        try {
            basis = Basis.valueOf(row.get(5).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + id + "': basis '" + row.get(5).strip() + "' is not one of "
                    + java.util.Arrays.toString(Basis.values()));
        }
        double cost = money(id, "cost", row.get(6));
        double low = money(id, "low", row.get(7));
        double high = money(id, "high", row.get(8));
        if (low > cost || cost > high) {
            throw new IllegalArgumentException("'" + id + "': low " + row.get(7).strip() + " ≤ cost " + row.get(6).strip()
                    + " ≤ high " + row.get(8).strip() + " does not hold");
        }
        String source = row.get(9).strip();
        if (source.isEmpty()) {
            throw new IllegalArgumentException("'" + id + "' needs a source for its cost (or says it is an assumption and why)");
        }
        String status = row.get(10).strip().toLowerCase(Locale.ROOT);
        if (!List.of("primary", "secondary", "derived", "assumption").contains(status)) {
            throw new IllegalArgumentException("'" + id + "': status '" + status + "' is not primary, secondary, derived or assumption");
        }
        Map<String, String> with = new LinkedHashMap<>();
        if (!row.get(4).isBlank()) {
            for (String pair : row.get(4).strip().split("\\s*;\\s*")) {
                String[] kv = pair.split("\\s*=\\s*", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("'" + id + "': with '" + pair + "' is not name=value");
                }
                checkValue(id, kv[0], kv[1], attributes);
                with.put(kv[0], kv[1]);
            }
        }
        if (id.equals(DELAY)) {
            if (basis != Basis.PER_ACCELERATOR_MONTH || !field.isEmpty() || !steps.isEmpty()) {
                throw new IllegalArgumentException("'" + DELAY + "' prices a month of delay: basis PER_ACCELERATOR_MONTH,"
                        + " no field and no steps");
            }
        } else {
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("'" + id + "' needs at least one step (A|B)");
            }
            for (String step : steps) {
                checkValue(id, field, step, attributes);
            }
        }
        return new Lever(id, label, field, steps, with, basis, cost, low, high, source, status, row.get(11).strip());
    }

    private static double money(String id, String column, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v) || v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + id + "': " + column + " '" + text.strip() + "' is not a number of dollars ≥ 0");
        }
    }

    /** Refuses a value its field cannot take. */
    private static void checkValue(String id, String field, String value, Attributes attributes) {
        switch (field) {
            case "targets" -> {
                if (!value.matches("\\+\\d{1,3}")) {
                    throw new IllegalArgumentException("'" + id + "': a target step is months later, such as +6, not '" + value + "'");
                }
            }
            case "accelerators" -> {
                if (!value.matches("-\\d{1,2}%")) {
                    throw new IllegalArgumentException("'" + id + "': an accelerators step is a smaller plan, such as -25%, not '"
                            + value + "'");
                }
            }
            case "power" -> {
                try {
                    Power.valueOf(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + id + "': power '" + value + "' is not one of "
                            + java.util.Arrays.toString(Power.values()));
                }
            }
            case "location" -> {
                if (!value.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
                    throw new IllegalArgumentException("'" + id + "': location '" + value + "' is not a region code such as US-TX");
                }
            }
            default -> {
                Attributes.Attribute a = attributes.declared().get(field);
                if (a == null) {
                    throw new IllegalArgumentException("'" + id + "': field '" + field + "' is neither a declared attribute nor one of "
                            + new java.util.TreeSet<>(PLAN_FIELDS));
                }
                if (value.equals(LOAD) && a.type() == Attributes.Type.NUMBER) {
                    return;
                }
                Object typed = typed(a, value);
                List<PlanProblem> problems = attributes.check(Map.of(field, typed));
                problems.removeIf(p -> !p.field().equals("attributes." + field));
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException("'" + id + "': " + field + " " + problems.get(0).message());
                }
            }
        }
    }

    /** The value as the plan holds it: true/false for yes/no, a number for a number, the text for a choice. */
    public static Object typed(Attributes.Attribute a, String value) {
        return switch (a.type()) {
            case YES_NO -> value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true") ? Boolean.TRUE
                    : value.equalsIgnoreCase("no") || value.equalsIgnoreCase("false") ? Boolean.FALSE : value;
            case NUMBER -> {
                try {
                    double d = Double.parseDouble(value);
                    yield d == Math.rint(d) ? (Object) (long) d : (Object) d;
                } catch (NumberFormatException e) {
                    yield value;
                }
            }
            case CHOICE -> value;
        };
    }
}

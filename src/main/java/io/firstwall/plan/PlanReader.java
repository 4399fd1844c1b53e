package io.firstwall.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.firstwall.facts.FactBase;
import io.firstwall.facts.Region;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates plans in the v1 JSON format. Every problem is collected with the field it is
 * in, so that a person can fix a plan in one go.
 */
public final class PlanReader {

    /** The most phases a plan may have. */
    public static final int MAX_PHASES = 200;
    private static final Set<String> FIELDS =
            Set.of("name", "location", "power", "accelerator", "decisionDate", "phases", "attributes");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FactBase catalogue;
    private final Attributes attributes;

    /** A reader that accepts any attribute as it is. */
    public PlanReader(FactBase catalogue) {
        this(catalogue, Attributes.NONE);
    }

    /** A reader that refuses attributes the rules do not declare, or of the wrong type. */
    public PlanReader(FactBase catalogue, Attributes attributes) {
        this.catalogue = catalogue;
        this.attributes = attributes;
    }

    /** The attributes this reader accepts (none declared: any). */
    public Attributes attributes() {
        return attributes;
    }

    public Plan read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(Json.withoutBom(json));
        } catch (JacksonException e) {
            throw new InvalidPlanException(List.of(new PlanProblem(PlanProblem.WHOLE_PLAN, "not valid JSON: " + e.getOriginalMessage()
                    + location(e))));
        }
        return read(root);
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    public Plan read(JsonNode root) {
        List<PlanProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidPlanException(List.of(new PlanProblem(PlanProblem.WHOLE_PLAN, "not a JSON object")));
        }
        for (String field : root.propertyNames()) {
            if (!FIELDS.contains(field)) {
                problems.add(new PlanProblem(field, "unknown field; a plan has " + String.join(", ",
                        FIELDS.stream().sorted().toList())));
            }
        }
        String name = text(root, "name", problems);
        if (name != null && name.length() > 200) {
            problems.add(new PlanProblem("name", "must be at most 200 characters"));
        }
        String location = text(root, "location", problems);
        Region region = null;
        if (location != null) {
            region = catalogue.regions().get(location);
            if (region == null) {
                problems.add(new PlanProblem("location", "unknown region '" + location + "'; known: "
                        + String.join(", ", catalogue.regions().keySet())));
            }
        }
        Power power = null;
        String powerText = text(root, "power", problems);
        if (powerText != null) {
            try {
                power = Power.valueOf(powerText);
            } catch (IllegalArgumentException e) {
                problems.add(new PlanProblem("power", "'" + powerText + "' is not one of "
                        + Arrays.stream(Power.values()).map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        if (region != null && power != null && region.orbital() != (power == Power.SPACE_SOLAR)) {
            problems.add(new PlanProblem("power", region.orbital()
                    ? "a plan in orbit (" + location + ") must be powered by SPACE_SOLAR"
                    : "SPACE_SOLAR needs an orbital location, not " + location));
        }
        String accelerator = text(root, "accelerator", problems);
        if (accelerator != null && !catalogue.accelerators().containsKey(accelerator)) {
            problems.add(new PlanProblem("accelerator", "unknown accelerator '" + accelerator + "'; known: "
                    + String.join(", ", catalogue.accelerators().keySet())));
        }
        LocalDate decisionDate = date(root.get("decisionDate"), "decisionDate", problems);
        List<Phase> phases = phases(root.get("phases"), decisionDate, problems);
        Map<String, Object> attributes = attributes(root.get("attributes"), problems);
        problems.addAll(this.attributes.check(attributes));
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return new Plan(name.trim(), location, power, accelerator, decisionDate, phases, attributes);
    }

    private static String text(JsonNode root, String field, List<PlanProblem> problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            problems.add(new PlanProblem(field, "is required"));
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            problems.add(new PlanProblem(field, "must be a non-empty string"));
            return null;
        }
        return node.asString().trim();
    }

    /** The dates a plan may name: the fact base's figures do not reach further either way. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** Far above any campus or fleet (world accelerator output is a few million a year). */
    static final long MAX_ACCELERATORS = 1_000_000_000L;

    private static LocalDate date(JsonNode node, String field, List<PlanProblem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new PlanProblem(field, "is required (a date such as 2026-01-15)"));
            return null;
        }
        if (!node.isString()) {
            problems.add(new PlanProblem(field, "must be a date string such as 2026-01-15"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.asString().trim());
        } catch (DateTimeParseException e) {
            problems.add(new PlanProblem(field, "'" + node.asString() + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(new PlanProblem(field, "must lie between " + EARLIEST + " and " + LATEST
                    + "; the fact base says nothing about other years"));
            return null;
        }
        return date;
    }

    private static List<Phase> phases(JsonNode node, LocalDate decisionDate, List<PlanProblem> problems) {
        List<Phase> phases = new ArrayList<>();
        if (node == null || node.isNull()) {
            problems.add(new PlanProblem("phases", "is required: at least one phase with online and accelerators"));
            return phases;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new PlanProblem("phases", "must be a non-empty array of phases"));
            return phases;
        }
        if (node.size() > MAX_PHASES) {
            problems.add(new PlanProblem("phases", "at most " + MAX_PHASES + " phases, found " + node.size()));
            return phases;
        }
        LocalDate previousDate = null;
        long previousCount = 0;
        for (int i = 0; i < node.size(); i++) {
            String at = "phases[" + i + "]";
            JsonNode phase = node.get(i);
            if (!phase.isObject()) {
                problems.add(new PlanProblem(at, "must be an object with online and accelerators"));
                continue;
            }
            for (String field : phase.propertyNames()) {
                if (!field.equals("online") && !field.equals("accelerators")) {
                    problems.add(new PlanProblem(at + "." + field, "unknown field; a phase has online and accelerators"));
                }
            }
            LocalDate online = date(phase.get("online"), at + ".online", problems);
            JsonNode count = phase.get("accelerators");
            Long accelerators = null;
            if (count == null || count.isNull()) {
                problems.add(new PlanProblem(at + ".accelerators", "is required"));
            } else if (!count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() <= 0
                    || count.asLong() > MAX_ACCELERATORS) {
                problems.add(new PlanProblem(at + ".accelerators", "must be a whole number from 1 to "
                        + String.format(Locale.ROOT, "%,d", MAX_ACCELERATORS)));
            } else {
                accelerators = count.asLong();
            }
            if (online != null && decisionDate != null && !online.isAfter(decisionDate)) {
                problems.add(new PlanProblem(at + ".online", "must be after decisionDate " + decisionDate));
            }
            if (online != null && previousDate != null && !online.isAfter(previousDate)) {
                problems.add(new PlanProblem(at + ".online", "must be after the previous phase (" + previousDate + ")"));
            }
            if (accelerators != null && accelerators < previousCount) {
                problems.add(new PlanProblem(at + ".accelerators", "is cumulative and cannot fall below the previous phase ("
                        + previousCount + ")"));
            }
            if (online != null) {
                previousDate = online;
            }
            if (accelerators != null) {
                previousCount = accelerators;
            }
            if (online != null && accelerators != null) {
                phases.add(new Phase(i + 1, online, accelerators));
            }
        }
        return phases;
    }

    private static Map<String, Object> attributes(JsonNode node, List<PlanProblem> problems) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return attributes;
        }
        if (!node.isObject()) {
            problems.add(new PlanProblem("attributes", "must be an object of key/value pairs"));
            return attributes;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            String at = "attributes." + entry.getKey();
            if (value.isBoolean()) {
                attributes.put(entry.getKey(), value.asBoolean());
            } else if (value.isNumber()) {
                attributes.put(entry.getKey(), value.isIntegralNumber() && value.canConvertToLong()
                        ? (Object) value.asLong() : (Object) value.asDouble());
            } else if (value.isString()) {
                attributes.put(entry.getKey(), value.asString());
            } else {
                problems.add(new PlanProblem(at, "must be a string, number or boolean"));
            }
        }
        return attributes;
    }
}

package io.firstwall.ruletests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Json;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the rule tests ({@code rules/tests/*.json}: a plan, inline or the bare file name of an example
 * plan in {@code data/plans}, and the answer the rules must give it: the first wall, optionally bindsOn and
 * cascade) against a rule base. Not to be confused with a what-if scenario, which is an analyst's
 * saved variant of a plan.
 */
public final class RuleTests {

    /** Where rule tests are, under the rules directory. */
    public static final String FOLDER = "tests/";

    private RuleTests() {
    }

    /** Whether a path under the rules directory is a rule test. */
    public static boolean isRuleTest(String path) {
        return path.startsWith(FOLDER) && path.endsWith(".json");
    }

    /** The rule tests on disk under {@code rulesDir}, path (tests/NAME.json) to text. */
    public static Map<String, String> read(Path rulesDir) {
        Map<String, String> tests = new TreeMap<>();
        Path dir = rulesDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return tests;
        }
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                tests.put(FOLDER + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tests;
    }

    /** The rule tests among a set of files under the rules directory. */
    public static Map<String, String> of(Map<String, String> files) {
        Map<String, String> tests = new TreeMap<>();
        files.forEach((p, t) -> {
            if (isRuleTest(p)) {
                tests.put(p, t);
            }
        });
        return tests;
    }

    /** The largest example plan a rule test may name (the API's body limit). */
    public static final long MAX_PLAN_BYTES = 1 << 20;
    /** Where the example plans a rule test may name are, under the data directory. */
    public static final String PLANS = "plans";

    private static Plan plan(JsonNode root, FactBase facts, Path dataDir) {
        JsonNode planNode = root.get("plan");
        if (planNode == null || !(planNode.isString() || planNode.isObject())) {
            throw new IllegalArgumentException("a rule test's \"plan\" is the plan itself (a JSON object) or the file"
                    + " name of an example plan in data/plans (\"memphis-onsite-gas-1gw.json\")");
        }
        if (planNode.isObject()) {
            return new PlanReader(facts).read(planNode);
        }
        String name = planNode.asString();
        String text = examplePlan(name, dataDir);
        try {
            return new PlanReader(facts).read(text);
        } catch (InvalidPlanException e) {
            // The file's own words stay out of the message: it says which example, and how many problems.
            throw new IllegalArgumentException("the example plan " + name + " in data/plans is not a valid plan ("
                    + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + "); open it in the plan editor to see why");
        }
    }

    /**
     * The text of an example plan named by its bare file name, read only inside {@code data/plans}: one
     * path element, no folder, no {@code ..}, a regular file (not a link, a device or a folder) of at
     * most {@link #MAX_PLAN_BYTES}. A refusal names the rule test's value, never anything read.
     */
    static String examplePlan(String name, Path dataDir) {
        String how = "name an example plan by its bare file name in data/plans (\"memphis-onsite-gas-1gw.json\"),"
                + " or write the plan inline";
        Path asked;
        try {
            asked = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a file name: " + how);
        }
        String file = asked.getFileName() == null ? "" : asked.getFileName().toString();
        if (asked.isAbsolute() || asked.getNameCount() != 1 || !file.equals(name) || !file.endsWith(".json")
                || file.startsWith(".")) {
            throw new IllegalArgumentException("\"" + name + "\" is not an example plan: " + how);
        }
        Path folder = dataDir.resolve(PLANS).toAbsolutePath().normalize();
        Path path = folder.resolve(file).normalize();
        if (!path.getParent().equals(folder) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("there is no example plan " + file + " in data/plans: " + how);
        }
        try {
            if (Files.size(path) > MAX_PLAN_BYTES) {
                throw new IllegalArgumentException("the example plan " + file + " is larger than "
                        + MAX_PLAN_BYTES / 1024 + " KiB");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("the example plan " + file + " in data/plans cannot be read");
        }
    }

    /**
     * The rule test with its expectation set to what the analyzer now answers; only the parts it
     * already states (bindsOn, cascade) besides the first wall.
     */
    public static String withNewExpectation(String text, Analyzer analyzer, FactBase facts, Path dataDir) throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(text);
        Analysis a = analyzer.analyze(plan(root, facts, dataDir), facts, false);
        ObjectNode expect = (ObjectNode) root.get("expect");
        expect.put("firstWall", a.firstWall() == null ? "none" : a.firstWall().factor());
        if (expect.has("bindsOn")) {
            if (a.firstWall() == null) {
                expect.remove("bindsOn");
            } else {
                expect.put("bindsOn", a.firstWall().bindsOn().toString());
            }
        }
        if (expect.has("cascade")) {
            ArrayNode cascade = expect.putArray("cascade");
            a.cascade().forEach(cascade::add);
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * A new rule test for a plan (its JSON) that expects what the analyzer answers it now: the first wall,
     * its bindsOn date when there is one, and the cascade.
     */
    public static String fromAnswer(String planJson, Analyzer analyzer, FactBase facts, Path dataDir)
            throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("plan", Json.MAPPER.readTree(planJson));
        ObjectNode expect = root.putObject("expect");
        expect.put("firstWall", "");
        expect.put("bindsOn", "");
        expect.putArray("cascade");
        return withNewExpectation(Json.MAPPER.writeValueAsString(root), analyzer, facts, dataDir);
    }

    /** What a rule test expects: the first wall ("none" for a feasible plan), bindsOn or null, the cascade or empty. */
    public record Expectation(String firstWall, String bindsOn, List<String> cascade) {
    }

    /** The expectation a rule test states. */
    public static Expectation expectation(String text) {
        JsonNode expect = Json.MAPPER.readTree(text).get("expect");
        List<String> cascade = new ArrayList<>();
        if (expect.hasNonNull("cascade")) {
            expect.get("cascade").forEach(c -> cascade.add(c.asString()));
        }
        return new Expectation(expect.get("firstWall").asString(),
                expect.hasNonNull("bindsOn") ? expect.get("bindsOn").asString() : null, cascade);
    }

    /** The rule test with a new expectation (its plan kept as it is); a blank bindsOn or an empty cascade is left out. */
    public static String withExpectation(String text, Expectation expectation) {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(text);
        ObjectNode expect = root.putObject("expect");
        expect.put("firstWall", expectation.firstWall());
        if (expectation.bindsOn() != null && !expectation.bindsOn().isBlank()) {
            expect.put("bindsOn", expectation.bindsOn().trim());
        }
        if (!expectation.cascade().isEmpty()) {
            ArrayNode cascade = expect.putArray("cascade");
            expectation.cascade().forEach(cascade::add);
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** Runs every rule test among {@code files} (other files are skipped). */
    public static List<RuleTestResult> run(Map<String, String> files, Analyzer analyzer, FactBase facts, Path dataDir) {
        List<RuleTestResult> results = new ArrayList<>();
        files.forEach((path, text) -> {
            if (!isRuleTest(path)) {
                return;
            }
            String expected = "";
            try {
                JsonNode root = Json.MAPPER.readTree(text);
                Plan plan = plan(root, facts, dataDir);
                JsonNode expect = root.get("expect");
                expected = expect.toString();
                Analysis a = analyzer.analyze(plan, facts, false);
                String firstWall = a.firstWall() == null ? "none" : a.firstWall().factor();
                String actual = "firstWall " + firstWall + (a.firstWall() == null ? "" : ", bindsOn " + a.firstWall().bindsOn())
                        + ", cascade " + a.cascade();
                boolean passed = expect.get("firstWall").asString().equals(firstWall)
                        && (!expect.hasNonNull("bindsOn") || (a.firstWall() != null
                                && expect.get("bindsOn").asString().equals(a.firstWall().bindsOn().toString())));
                if (passed && expect.hasNonNull("cascade")) {
                    List<String> cascade = new ArrayList<>();
                    expect.get("cascade").forEach(c -> cascade.add(c.asString()));
                    passed = cascade.equals(a.cascade());
                }
                results.add(new RuleTestResult(path, passed, expected, actual));
            } catch (RuntimeException e) {
                results.add(new RuleTestResult(path, false, expected, "cannot run: " + e.getMessage()));
            }
        });
        return results;
    }
}

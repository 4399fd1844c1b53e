package io.firstwall.editing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.plan.Json;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import tools.jackson.databind.JsonNode;

/**
 * Runs the rule test scenarios ({@code rules/tests/*.json}: a plan, inline or a path under the data
 * directory, and its expected first wall, optionally bindsOn and cascade) against a rule base.
 */
public final class ScenarioRunner {

    /** One scenario's outcome. */
    public record Result(String file, boolean passed, String expected, String actual) {
    }

    private ScenarioRunner() {
    }

    private static Plan plan(JsonNode root, FactBase facts, Path dataDir) throws IOException {
        JsonNode planNode = root.get("plan");
        return planNode.isString()
                ? new PlanReader(facts).read(Files.readString(dataDir.resolve(planNode.asString())))
                : new PlanReader(facts).read(planNode);
    }

    /**
     * The scenario with its expectation set to what the analyzer now answers; only the parts it
     * already states (bindsOn, cascade) besides the first wall.
     */
    static String withNewExpectation(String text, Analyzer analyzer, FactBase facts, Path dataDir) throws IOException {
        tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(text);
        Analysis a = analyzer.analyze(plan(root, facts, dataDir), facts, false);
        tools.jackson.databind.node.ObjectNode expect = (tools.jackson.databind.node.ObjectNode) root.get("expect");
        expect.put("firstWall", a.firstWall() == null ? "none" : a.firstWall().factor());
        if (expect.has("bindsOn")) {
            if (a.firstWall() == null) {
                expect.remove("bindsOn");
            } else {
                expect.put("bindsOn", a.firstWall().bindsOn().toString());
            }
        }
        if (expect.has("cascade")) {
            tools.jackson.databind.node.ArrayNode cascade = expect.putArray("cascade");
            a.cascade().forEach(cascade::add);
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    public static List<Result> run(Map<String, String> files, Analyzer analyzer, FactBase facts, Path dataDir) {
        List<Result> results = new ArrayList<>();
        files.forEach((path, text) -> {
            if (!path.startsWith("tests/") || !path.endsWith(".json")) {
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
                results.add(new Result(path, passed, expected, actual));
            } catch (IOException | RuntimeException e) {
                results.add(new Result(path, false, expected, "cannot run: " + e.getMessage()));
            }
        });
        return results;
    }
}

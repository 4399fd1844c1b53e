package io.firstwall.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Wall;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Json;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The analyzer against real campuses: each file in {@code data/backtests/*.json} holds a plan as it
 * stood at its decision date and what was observed (the phase, when it came online, months late, what
 * held it up, sources). A project is a hit when the analyzer's delay for that phase is within
 * {@link #TOLERANCE_MONTHS} of the observed one; a project whose outcome is not yet known is pending,
 * never counted.
 */
public final class Backtest {

    /** How far the analyzer's delay may be from the observed one and still count as a hit. */
    public static final int TOLERANCE_MONTHS = 6;

    /** One project: the analyzer's answer beside the observed one. */
    public record Row(String file, String project, LocalDate decided, LocalDate target, String predictedWall,
            Integer predictedMonths, boolean predictedNever, LocalDate observedOnline, Integer observedMonths,
            String observedBinding, String verdict) {
    }

    /** Every project and the hit rate over those with a known outcome. */
    public record Result(List<Row> rows, int hits, int judged) {

        public double hitRate() {
            return judged == 0 ? 0 : (double) hits / judged;
        }
    }

    private Backtest() {
    }

    public static Result run(Path dir, Analyzer analyzer, FactBase facts) throws IOException {
        PlanReader reader = new PlanReader(facts, analyzer.rules().attributes());
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory of backtest files (*.json)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<Row> rows = new ArrayList<>();
        int hits = 0;
        int judged = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(Json.withoutBom(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (JacksonException e) {
                throw new IllegalArgumentException(name + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
            }
            Plan plan;
            try {
                plan = reader.read(root.path("plan"));
            } catch (InvalidPlanException e) {
                throw new IllegalArgumentException(name + ": the plan is invalid: " + e.getMessage(), e);
            }
            JsonNode observed = root.path("observed");
            int phase = observed.path("phase").asInt(1);
            if (phase < 1 || phase > plan.phases().size()) {
                throw new IllegalArgumentException(name + ": observed.phase " + phase + " is not a phase of the plan (1 to "
                        + plan.phases().size() + ")");
            }
            LocalDate online;
            try {
                online = observed.path("online").isString() ? LocalDate.parse(observed.path("online").asString()) : null;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + ": observed.online '" + observed.path("online").asString()
                        + "' is not a date (yyyy-mm-dd) or null", e);
            }
            Analysis analysis = analyzer.analyze(plan, facts);
            Integer months = 0;
            boolean never = false;
            for (Wall w : analysis.walls()) {
                for (Wall.PhaseDelay d : w.phaseDelays()) {
                    if (d.phase() == phase) {
                        if (d.delayMonths() == null) {
                            never = true;
                        } else if (d.delayMonths() > months) {
                            months = d.delayMonths();
                        }
                    }
                }
            }
            Wall schedule = analysis.scheduleWall();
            Integer slip = observed.path("slipMonths").isNumber() ? observed.path("slipMonths").asInt() : null;
            String verdict;
            if (slip == null) {
                verdict = "pending";
            } else {
                judged++;
                boolean hit = !never && Math.abs(months - slip) <= TOLERANCE_MONTHS;
                hits += hit ? 1 : 0;
                verdict = hit ? "hit" : "miss";
            }
            rows.add(new Row(name, root.path("project").asString(), plan.decisionDate(),
                    plan.phases().get(phase - 1).online(), schedule == null ? "none" : schedule.factor(),
                    never ? null : months, never, online, slip, observed.path("binding").asString(), verdict));
        }
        return new Result(rows, hits, judged);
    }

    /** The table the command prints and the README shows. */
    public static String table(Result result) {
        StringBuilder t = new StringBuilder();
        t.append("| project | decided | target | analyzer: wall, months late | observed: online, months late, what held it | |\n");
        t.append("|---|---|---|---|---|---|\n");
        for (Row r : result.rows()) {
            t.append("| ").append(r.project()).append(" | ").append(r.decided()).append(" | ").append(r.target())
                    .append(" | ").append(r.predictedWall()).append(", ")
                    .append(r.predictedNever() ? "never" : r.predictedMonths()).append(" | ")
                    .append(r.observedOnline() == null ? "not yet known" : r.observedOnline() + ", " + r.observedMonths())
                    .append(", ").append(r.observedBinding()).append(" | ").append(r.verdict()).append(" |\n");
        }
        t.append(String.format("%nhit rate: %d of %d projects with a known outcome (%.0f%%), a hit within %d months;"
                + " %d pending%n", result.hits(), result.judged(), result.hitRate() * 100, TOLERANCE_MONTHS,
                result.rows().size() - result.judged()));
        return t.toString();
    }
}

package io.firstwall.report;

import static io.firstwall.facts.SpreadsheetText.cell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import io.firstwall.analysis.Format;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.analysis.WallColours;
import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.Staleness;
import io.firstwall.plan.Json;
import io.firstwall.system.FactorLabels;
import io.firstwall.uncertainty.Uncertainty;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a run's report as HTML (a Thymeleaf template), CSV and JSON under {@code reports/<date>/},
 * streaming the rows from the database so that memory does not grow with the number of plans.
 * "What changed" comes from the {@link ChangeDetector}; every query from the {@link RunStore}.
 */
@Component
public class ReportPublisher {

    /** The counts of a run by first wall, for the summary. */
    public record Summary(Map<String, Integer> firstWalls, int feasible, int failed, int total) {
    }

    /** A bar of the first-wall chart: label, count, width in px, top in px. */
    public record Bar(String label, int count, int width, int y) {
    }

    /**
     * Escapes text with HTML's named references (a fact's "2030 → 2027" as {@code &rarr;}), so that the
     * report reads the same in any encoding a mail client or archive gives it.
     */
    public static final class HtmlText {
        public String escape(String text) {
            return HtmlUtils.htmlEscape(text);
        }
    }

    static final List<String> COLUMNS = List.of("item", "plan_id", "scenario_id", "name", "status", "first_wall",
            "first_wall_name",
            "binds_on", "slip_months", "open_ended", "shortfall_amount", "shortfall_unit", "cascade", "explanation",
            "error", "most_likely",
            "most_likely_probability", "odds", "delay_p10_months", "delay_p50_months", "delay_p90_months",
            "schedule_wall", "schedule_wall_name", "schedule_max_delay_months", "cheapest_fix");

    private final RunStore runs;
    private final ChangeDetector changes;
    private final BatchProperties properties;
    private final ITemplateEngine templates;
    private final Clock clock;
    private final LiveAnalysis live;
    private final FactorLabels labels;
    private final BacktestScores backtest;

    ReportPublisher(RunStore runs, ChangeDetector changes, BatchProperties properties, ITemplateEngine templates,
            Clock clock, LiveAnalysis live, FactorLabels labels, BacktestScores backtest) {
        this.labels = labels;
        this.backtest = backtest;
        this.runs = runs;
        this.changes = changes;
        this.properties = properties;
        this.templates = templates;
        this.clock = clock;
        this.live = live;
    }

    /** A fact a manager should know about: a date that has passed, or a figure older than two years. */
    public record StaleFact(String id, String value, String asOf, String why) {
    }

    /** The facts to check on {@code day} ({@link Staleness}), with their values and as-of dates. */
    List<StaleFact> staleFacts(LocalDate day) {
        FactBase facts = live.facts();
        return Staleness.of(facts, day).stream().map(s -> {
            Fact f = facts.fact(s.id()).orElseThrow();
            return new StaleFact(f.id(), Format.valueWithUnit(f.value(), f.unit()), String.valueOf(f.asOf()), s.why());
        }).toList();
    }

    public Path directory(RunStore.Run run) {
        return properties.reportsDir().resolve(run.reportDate().toString());
    }

    public static String baseName(RunStore.Run run) {
        return "report-" + run.runNumber();
    }

    public void publish(long runId) {
        RunStore.Run run = runs.find(runId).orElseThrow();
        RunStore.Run previous = runs.previousFinished(runId).orElse(null);
        Summary summary = summary(runId);
        List<ChangeDetector.Change> changed = changes.changes(run, previous);
        BacktestScores.Movement scores = backtest.movement(run, previous).orElse(null);
        Path dir = directory(run);
        try {
            Files.createDirectories(dir);
            writeHtml(dir.resolve(baseName(run) + ".html"), run, previous, summary, changed, scores);
            writeCsvAndJson(dir.resolve(baseName(run) + ".csv"), dir.resolve(baseName(run) + ".json"), run, previous,
                    summary, changed, scores);
            runs.finish(runId, clock.instant(), dir.toString());
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    public Summary summary(long runId) {
        return new Summary(runs.firstWallCounts(runId), runs.feasibleCount(runId), runs.failedCount(runId),
                runs.rowCount(runId));
    }

    private void writeHtml(Path html, RunStore.Run run, RunStore.Run previous, Summary summary,
            List<ChangeDetector.Change> changed, BacktestScores.Movement scores) throws IOException {
        int max = Math.max(1, summary.firstWalls().values().stream().mapToInt(Integer::intValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        summary.firstWalls().forEach((wall, count) -> bars.add(new Bar(wall, count,
                (int) Math.round(400.0 * count / max), 20 * bars.size())));
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("run", run);
        context.setVariable("previous", previous);
        context.setVariable("summary", summary);
        context.setVariable("bars", bars);
        context.setVariable("svgHeight", Math.max(20, 20 * bars.size()));
        context.setVariable("earliest", runs.earliestWalls(run.runId(), 5));
        context.setVariable("severe", runs.mostSevere(run.runId(), 5));
        context.setVariable("changes", changed);
        context.setVariable("backtest", scores);
        context.setVariable("html", new HtmlText());
        LocalDate day = run.reportDate();
        context.setVariable("soon", runs.bindingBetween(run.runId(), day, day.plusMonths(6)));
        context.setVariable("pastDue", runs.pastDue(run.runId(), day));
        context.setVariable("staleFacts", staleFacts(day));
        context.setVariable("colours", WallColours.COLOURS);
        context.setVariable("labels", labels);
        try (Stream<ReportRow> rows = runs.rows(run.runId());
                BufferedWriter out = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            context.setVariable("rows", rows.iterator());
            templates.process("report/nightly", context, out);
        }
    }

    private void writeCsvAndJson(Path csvFile, Path jsonFile, RunStore.Run run, RunStore.Run previous, Summary summary,
            List<ChangeDetector.Change> changed, BacktestScores.Movement scores) throws IOException {
        try (Stream<ReportRow> rows = runs.rows(run.runId());
                BufferedWriter c = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8);
                JsonGenerator j = Json.PRETTY.createGenerator(Files.newBufferedWriter(jsonFile, StandardCharsets.UTF_8))) {
            c.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(c, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
            jsonHead(j, run, previous, summary, changed, scores);
            for (ReportRow r : (Iterable<ReportRow>) rows::iterator) {
                csv.printRecord(cell(r.itemKey()), r.planId(), r.scenarioId(), cell(r.name()), cell(r.status()),
                        cell(r.firstWall()), cell(r.firstWall() == null ? null : labels.of(r.firstWall())), r.bindsOn(), r.slipMonths(), r.openEnded(), shortfallAmount(r.shortfall()),
                        shortfallUnit(r.shortfall()),
                        cell(r.cascade()), cell(r.explanation()), cell(r.error()), cell(r.topOutcome()),
                        r.topProbability(), cell(r.odds()), r.delayP10(), r.delayP50(), r.delayP90(),
                        cell(r.scheduleWall()), cell(r.scheduleWall() == null ? null : labels.of(r.scheduleWall())),
                        r.scheduleDelayMonths(), cell(r.cheapestFix()));
                json(j, r);
            }
            csv.flush();
            j.writeEndArray();
            j.writeEndObject();
        }
    }

    /** The number of a shortfall such as "4,875 t to orbit", for a numeric CSV column; null without one. */
    static Number shortfallAmount(String shortfall) {
        if (shortfall == null || shortfall.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(shortfall.split(" ", 2)[0].replace(",", ""));
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The unit of a shortfall such as "4,875 t to orbit": "t to orbit". */
    static String shortfallUnit(String shortfall) {
        return shortfallAmount(shortfall) == null || !shortfall.contains(" ") ? cell(shortfall)
                : cell(shortfall.split(" ", 2)[1]);
    }

    private static void jsonHead(JsonGenerator j, RunStore.Run run, RunStore.Run previous, Summary s,
            List<ChangeDetector.Change> changes, BacktestScores.Movement scores) {
        j.writeStartObject();
        j.writeNumberProperty("run", run.runNumber());
        j.writeStringProperty("date", run.reportDate().toString());
        j.writeName("provenance");
        j.writeStartObject();
        j.writeStringProperty("ruleSetVersion", run.ruleVersion());
        j.writeStringProperty("factBaseVersion", run.factVersion());
        j.writePOJOProperty("ruleFiles", run.ruleFiles());
        j.writeEndObject();
        j.writePOJOProperty("summary", s);
        if (previous != null) {
            j.writeNumberProperty("comparedWithRun", previous.runNumber());
        }
        j.writePOJOProperty("changes", changes);
        if (scores != null) {
            BacktestScores.Score b = scores.now();
            j.writeName("backtest");
            j.writeStartObject();
            if (b.error() != null) {
                j.writeStringProperty("error", b.error());
            } else {
                j.writeStringProperty("hitRate", b.hitRate());
                j.writeStringProperty("wallIdentity", b.wallIdentity());
                j.writeStringProperty("coverage", b.coverage());
                j.writePOJOProperty("meanSignedErrorMonths", b.meanError());
                j.writeNumberProperty("leaks", b.leaks());
            }
            j.writePOJOProperty("sinceLastRun", scores.moved());
            j.writePOJOProperty("causes", scores.causes());
            j.writeEndObject();
        }
        j.writeName("plans");
        j.writeStartArray();
    }

    private static void json(JsonGenerator j, ReportRow r) {
        j.writeStartObject();
        j.writeStringProperty("item", r.itemKey());
        j.writeStringProperty("name", r.name());
        j.writeStringProperty("status", r.status());
        j.writeStringProperty("firstWall", r.firstWall());
        j.writeStringProperty("bindsOn", r.bindsOn() == null ? null : r.bindsOn().toString());
        j.writePOJOProperty("slipMonths", r.slipMonths());
        j.writePOJOProperty("openEnded", r.openEnded());
        j.writeStringProperty("shortfall", r.shortfall());
        j.writeStringProperty("cascade", r.cascade());
        j.writeStringProperty("explanation", r.explanation());
        j.writeStringProperty("error", r.error());
        if (r.scheduleWall() != null) {
            j.writeStringProperty("scheduleWall", r.scheduleWall());
            j.writePOJOProperty("scheduleMaxDelayMonths", r.scheduleDelayMonths());
        }
        if (r.cheapestFix() != null) {
            j.writeStringProperty("cheapestFix", r.cheapestFix());
        }
        if (r.odds() != null) {
            j.writeName("uncertainty");
            j.writeStartObject();
            j.writeStringProperty("mostLikely", r.topOutcome());
            j.writePOJOProperty("mostLikelyProbability", r.topProbability());
            j.writeStringProperty("odds", r.odds());
            j.writePOJOProperty("delayMonths", new Uncertainty.Percentiles<>(r.delayP10(), r.delayP50(), r.delayP90()));
            j.writeEndObject();
        }
        j.writeEndObject();
    }
}

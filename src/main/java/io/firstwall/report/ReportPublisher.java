package io.firstwall.report;

import static io.firstwall.facts.SpreadsheetText.cell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.firstwall.plan.Json;
import io.firstwall.rules.RuleInfo;
import io.firstwall.analysis.LiveAnalysis;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a run's report as HTML, CSV and JSON under {@code reports/<date>/}, streaming the rows
 * from H2 so that memory does not grow with the number of plans. "What changed" compares the run
 * with the previous finished run, item by item, and names the cause: a plan edit, a fact whose
 * value changed and that the analysis used, or a rule file that changed and whose rules fired.
 */
@Component
public class ReportPublisher {

    /** A line of the "what changed" section. */
    public record Change(String itemKey, String name, String before, String after, List<String> why) {
    }

    /** The counts of a run by first wall, for the summary. */
    public record Summary(Map<String, Integer> firstWalls, int feasible, int failed, int total) {
    }

    static final List<String> COLUMNS = List.of("item", "plan_id", "scenario_id", "name", "status", "first_wall",
            "binds_on", "slip_months", "open_ended", "shortfall", "cascade", "explanation", "error");

    private final JdbcClient jdbc;
    private final RunStore runs;
    private final BatchProperties properties;
    private final LiveAnalysis live;
    private final Clock clock;

    ReportPublisher(JdbcClient jdbc, RunStore runs, BatchProperties properties, LiveAnalysis live, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.properties = properties;
        this.live = live;
        this.clock = clock;
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
        List<Change> changes = changes(run, previous);
        Path dir = directory(run);
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve(baseName(run) + ".html");
            Path csv = dir.resolve(baseName(run) + ".csv");
            Path json = dir.resolve(baseName(run) + ".json");
            try (BufferedWriter h = Files.newBufferedWriter(html, StandardCharsets.UTF_8);
                    BufferedWriter c = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                    JsonGenerator j = Json.PRETTY.createGenerator(Files.newBufferedWriter(json, StandardCharsets.UTF_8))) {
                c.write('\uFEFF');
                CSVPrinter printer = new CSVPrinter(c, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
                htmlHead(h, run, previous, summary, changes);
                jsonHead(j, run, previous, summary, changes);
                jdbc.sql("select * from report_row where run_id = ? order by name, item_key").param(runId)
                        .query((ResultSet rs) -> {
                            try {
                                row(rs, h, printer, j);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                printer.flush();
                h.write("</tbody></table></main></body></html>\n");
                j.writeEndArray();
                j.writeEndObject();
            }
            runs.finish(runId, clock.instant(), dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    public Summary summary(long runId) {
        Map<String, Integer> walls = new LinkedHashMap<>();
        jdbc.sql("select first_wall, count(*) from report_row where run_id = ? and status = 'OK' and first_wall is not null"
                + " group by first_wall order by count(*) desc, first_wall").param(runId)
                .query((ResultSet rs) -> {
                    walls.put(rs.getString(1), rs.getInt(2));
                });
        int feasible = jdbc.sql("select count(*) from report_row where run_id = ? and status = 'OK' and first_wall is null")
                .param(runId).query(Integer.class).single();
        return new Summary(walls, feasible, runs.failedCount(runId), runs.rowCount(runId));
    }

    private static String state(String status, String wall, Object binds, Object slip, Object open) {
        if (status == null) {
            return "not in the run";
        }
        if (status.equals(ReportRow.FAILED)) {
            return "failed";
        }
        if (wall == null) {
            return "feasible";
        }
        return wall + " on " + binds + ", slip " + (Boolean.TRUE.equals(open) ? "open-ended" : slip + " months");
    }

    public List<Change> changes(RunStore.Run run, RunStore.Run previous) {
        List<Change> changes = new ArrayList<>();
        if (previous == null) {
            return changes;
        }
        Map<String, String> changedFacts = new LinkedHashMap<>();
        Set<String> factIds = new TreeSet<>(run.facts().keySet());
        factIds.addAll(previous.facts().keySet());
        for (String id : factIds) {
            Double before = previous.facts().get(id);
            Double after = run.facts().get(id);
            if (!Objects.equals(before, after)) {
                changedFacts.put(id, "fact " + id + ": " + (before == null ? "absent" : num(before)) + " \u2192 "
                        + (after == null ? "absent" : num(after)));
            }
        }
        Set<String> changedFiles = new TreeSet<>();
        Set<String> paths = new TreeSet<>(run.ruleFiles().keySet());
        paths.addAll(previous.ruleFiles().keySet());
        for (String path : paths) {
            if (!Objects.equals(run.ruleFiles().get(path), previous.ruleFiles().get(path))) {
                changedFiles.add(path);
            }
        }
        List<String> revisions = jdbc.sql("select id, author, message from rule_revision where created_at > ?"
                + " and created_at <= ? and kind <> 'initial' order by id")
                .params(previous.startedAt().atOffset(java.time.ZoneOffset.UTC), run.startedAt().atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> "revision " + rs.getLong(1) + " by " + rs.getString(2) + ": \u201c" + rs.getString(3) + "\u201d")
                .list();
        String history = revisions.isEmpty() ? "" : "; " + String.join("; ", revisions);
        List<String> factRevisions = jdbc.sql("select id, author, message from fact_revision where created_at > ?"
                + " and created_at <= ? and kind <> 'initial' order by id")
                .params(previous.startedAt().atOffset(java.time.ZoneOffset.UTC), run.startedAt().atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> "fact revision " + rs.getLong(1) + " by " + rs.getString(2) + ": \u201c" + rs.getString(3)
                        + "\u201d")
                .list();
        if (!factRevisions.isEmpty()) {
            changedFacts.replaceAll((id, text) -> text + " (" + String.join("; ", factRevisions) + ")");
        }
        Map<String, String> folderOfRule = new LinkedHashMap<>();
        for (RuleInfo r : live.analyzer().rules().rules()) {
            folderOfRule.put(r.id(), r.packageName().replaceFirst("^rules\\.?", "").replace('.', '/'));
        }
        jdbc.sql("select c.item_key, c.name, c.status, c.first_wall, c.binds_on, c.slip_months, c.open_ended, c.plan_hash,"
                + " c.fact_ids, c.rule_ids, p.item_key p_key, p.status p_status, p.first_wall p_wall, p.binds_on p_binds,"
                + " p.slip_months p_slip, p.open_ended p_open, p.plan_hash p_hash, p.fact_ids p_facts, p.rule_ids p_rules"
                + " from report_row c left join report_row p on p.run_id = ? and p.item_key = c.item_key"
                + " where c.run_id = ? and (p.item_key is null or c.status <> p.status"
                + " or coalesce(c.first_wall, '-') <> coalesce(p.first_wall, '-')"
                + " or coalesce(c.binds_on, date '1900-01-01') <> coalesce(p.binds_on, date '1900-01-01')"
                + " or coalesce(c.slip_months, -1) <> coalesce(p.slip_months, -1)"
                + " or coalesce(c.open_ended, false) <> coalesce(p.open_ended, false)) order by c.name, c.item_key")
                .params(previous.runId(), run.runId())
                .query((ResultSet rs) -> {
                    List<String> why = new ArrayList<>();
                    String after = state(rs.getString("status"), rs.getString("first_wall"), rs.getObject("binds_on"),
                            rs.getObject("slip_months"), rs.getObject("open_ended"));
                    if (rs.getString("p_key") == null) {
                        changes.add(new Change(rs.getString("item_key"), rs.getString("name"), "not in the run", after,
                                List.of("new since run " + previous.runNumber())));
                        return;
                    }
                    String before = state(rs.getString("p_status"), rs.getString("p_wall"), rs.getObject("p_binds"),
                            rs.getObject("p_slip"), rs.getObject("p_open"));
                    if (!Objects.equals(rs.getString("plan_hash"), rs.getString("p_hash"))) {
                        why.add(rs.getString("item_key").startsWith("scenario:") ? "the scenario was edited"
                                : "the plan was edited");
                    }
                    Set<String> used = words(rs.getString("fact_ids"), rs.getString("p_facts"));
                    changedFacts.forEach((id, text) -> {
                        if (used.contains(id)) {
                            why.add(text);
                        }
                    });
                    Set<String> fired = words(rs.getString("rule_ids"), rs.getString("p_rules"));
                    for (String file : changedFiles) {
                        String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
                        List<String> hit = fired.stream().filter(r -> folder.equals(folderOfRule.get(r))).toList();
                        if (!hit.isEmpty()) {
                            why.add("rule file " + file + " changed (rule set " + previous.ruleVersion() + " \u2192 "
                                    + run.ruleVersion() + "; its rules that fired here: " + String.join(", ", hit) + ")"
                                    + history);
                        }
                    }
                    if (why.isEmpty() && !changedFiles.isEmpty()) {
                        why.add("the rule set changed (" + previous.ruleVersion() + " \u2192 " + run.ruleVersion()
                                + ": " + String.join(", ", changedFiles) + ")");
                    }
                    if (why.isEmpty()) {
                        why.add("no plan, fact or rule change found");
                    }
                    changes.add(new Change(rs.getString("item_key"), rs.getString("name"), before, after, why));
                });
        jdbc.sql("select p.item_key, p.name from report_row p where p.run_id = ? and not exists"
                + " (select 1 from report_row c where c.run_id = ? and c.item_key = p.item_key) order by p.name")
                .params(previous.runId(), run.runId())
                .query((ResultSet rs) -> {
                    changes.add(new Change(rs.getString(1), rs.getString(2), "in run " + previous.runNumber(),
                            "not in the run", List.of("deleted since run " + previous.runNumber())));
                });
        return changes;
    }

    private static Set<String> words(String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                out.addAll(Arrays.asList(t.trim().split("\\s+")));
            }
        }
        return out;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String e(Object o) {
        return o == null ? "" : HtmlUtils.htmlEscape(o.toString());
    }

    private void htmlHead(Writer h, RunStore.Run run, RunStore.Run previous, Summary s, List<Change> changes)
            throws IOException {
        h.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>firstwall report "
                + run.reportDate() + " (run " + run.runNumber() + ")</title><style>"
                + "body{font:14px/1.4 system-ui,sans-serif;color:#1d2733;margin:2rem;}table{border-collapse:collapse;width:100%;}"
                + "th,td{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top;}"
                + "th{font-size:.8em;text-transform:uppercase;color:#555;}.failed{color:#b03a2e;}.bar{fill:#2471a3;}"
                + "h2{margin-top:2rem;}code{font-size:.9em;}"
                + "@media print{body{margin:0;font-size:10pt;}a{color:inherit;text-decoration:none;}"
                + "tr{page-break-inside:avoid;}h2{page-break-after:avoid;}.noprint{display:none;}}"
                + "</style></head><body><main>\n");
        h.write("<h1>firstwall nightly report, " + run.reportDate() + " (run " + run.runNumber() + ")</h1>\n");
        h.write("<p>" + s.total() + " plans and scenarios analysed; " + s.failed() + " failed; " + s.feasible()
                + " feasible.</p>\n<h2>First walls</h2>\n");
        int max = Math.max(1, s.firstWalls().values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int y = 0;
        StringBuilder svg = new StringBuilder();
        for (Map.Entry<String, Integer> entry : s.firstWalls().entrySet()) {
            int width = (int) Math.round(400.0 * entry.getValue() / max);
            svg.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(e(entry.getKey())).append("</text>")
                    .append("<rect class=\"bar\" x=\"170\" y=\"").append(y + 2).append("\" width=\"").append(width)
                    .append("\" height=\"14\"/><text x=\"").append(176 + width).append("\" y=\"").append(y + 14)
                    .append("\">").append(entry.getValue()).append("</text>");
            y += 20;
        }
        h.write("<svg role=\"img\" aria-label=\"plans by first wall\" width=\"640\" height=\"" + Math.max(20, y)
                + "\" style=\"font:12px sans-serif\">" + svg + "</svg>\n");
        h.write("<h2>Earliest walls</h2><ol>");
        jdbc.sql("select name, first_wall, binds_on from report_row where run_id = ? and first_wall is not null"
                + " order by binds_on, name limit 5").param(run.runId())
                .query((ResultSet rs) -> {
                    try {
                        h.write("<li>" + e(rs.getString(1)) + ": " + e(rs.getString(2)) + " on " + e(rs.getObject(3)) + "</li>");
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
        h.write("</ol><h2>Most severe</h2><ol>");
        jdbc.sql("select name, first_wall, slip_months, open_ended from report_row where run_id = ? and first_wall is not null"
                + " order by open_ended desc, slip_months desc, name limit 5").param(run.runId())
                .query((ResultSet rs) -> {
                    try {
                        h.write("<li>" + e(rs.getString(1)) + ": " + e(rs.getString(2)) + ", slip "
                                + (rs.getBoolean(4) ? "open-ended" : rs.getInt(3) + " months") + "</li>");
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
        h.write("</ol>\n<h2>What changed since the previous run</h2>\n");
        if (previous == null) {
            h.write("<p>This is the first run: nothing to compare with.</p>\n");
        } else if (changes.isEmpty()) {
            h.write("<p>Nothing changed since run " + previous.runNumber() + " (" + previous.reportDate() + ").</p>\n");
        } else {
            h.write("<p>Compared with run " + previous.runNumber() + " (" + previous.reportDate() + "):</p>"
                    + "<table><thead><tr><th>Plan</th><th>Before</th><th>Now</th><th>Why</th></tr></thead><tbody>\n");
            for (Change c : changes) {
                h.write("<tr><td>" + e(c.name()) + "</td><td>" + e(c.before()) + "</td><td>" + e(c.after())
                        + "</td><td><ul>");
                for (String w : c.why()) {
                    h.write("<li>" + e(w) + "</li>");
                }
                h.write("</ul></td></tr>\n");
            }
            h.write("</tbody></table>\n");
        }
        h.write("<h2>Provenance</h2><p>Rule set <code>" + e(run.ruleVersion()) + "</code> (" + run.ruleFiles().size()
                + " files), fact base <code>" + e(run.factVersion()) + "</code> (" + run.facts().size()
                + " facts); started " + run.startedAt() + ".</p>\n");
        h.write("<h2>Every plan</h2><table><thead><tr><th>Plan</th><th>First wall</th><th>Binds on</th><th>Slip</th>"
                + "<th>Cascade</th><th>Shortfall</th><th>Why</th></tr></thead><tbody>\n");
    }

    private void jsonHead(JsonGenerator j, RunStore.Run run, RunStore.Run previous, Summary s, List<Change> changes) {
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
        j.writeName("plans");
        j.writeStartArray();
    }

    private static void row(ResultSet rs, Writer h, CSVPrinter csv, JsonGenerator j) throws SQLException, IOException {
        boolean failed = ReportRow.FAILED.equals(rs.getString("status"));
        Object slip = Boolean.TRUE.equals(rs.getObject("open_ended")) ? "open-ended" : rs.getObject("slip_months");
        LocalDate binds = rs.getObject("binds_on", LocalDate.class);
        h.write("<tr" + (failed ? " class=\"failed\"" : "") + "><td>" + e(rs.getString("name")) + "</td><td>"
                + (failed ? "failed" : rs.getString("first_wall") == null ? "none: feasible" : e(rs.getString("first_wall")))
                + "</td><td>" + e(binds) + "</td><td>" + e(slip) + "</td><td>" + e(rs.getString("cascade")) + "</td><td>"
                + e(rs.getString("shortfall")) + "</td><td>" + e(failed ? rs.getString("error") : rs.getString("explanation"))
                + "</td></tr>\n");
        csv.printRecord(cell(rs.getString("item_key")), rs.getLong("plan_id"), rs.getObject("scenario_id"),
                cell(rs.getString("name")), cell(rs.getString("status")), cell(rs.getString("first_wall")), binds,
                rs.getObject("slip_months"), rs.getObject("open_ended"), cell(rs.getString("shortfall")),
                cell(rs.getString("cascade")), cell(rs.getString("explanation")), cell(rs.getString("error")));
        j.writeStartObject();
        j.writeStringProperty("item", rs.getString("item_key"));
        j.writeStringProperty("name", rs.getString("name"));
        j.writeStringProperty("status", rs.getString("status"));
        j.writeStringProperty("firstWall", rs.getString("first_wall"));
        j.writeStringProperty("bindsOn", binds == null ? null : binds.toString());
        j.writePOJOProperty("slipMonths", rs.getObject("slip_months"));
        j.writePOJOProperty("openEnded", rs.getObject("open_ended"));
        j.writeStringProperty("shortfall", rs.getString("shortfall"));
        j.writeStringProperty("cascade", rs.getString("cascade"));
        j.writeStringProperty("explanation", rs.getString("explanation"));
        j.writeStringProperty("error", rs.getString("error"));
        j.writeEndObject();
    }
}

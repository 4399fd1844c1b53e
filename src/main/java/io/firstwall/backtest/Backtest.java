package io.firstwall.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Schedule;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Json;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.Factors;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The analyzer against real campuses: each file in {@code data/backtests/*.json} is one project as its
 * plan stood on its decision date (what the builder held then, in {@code held}; the move it made to beat
 * the naive plan, in {@code move}) and what happened ({@code observed}: the outcome, the date the
 * phase's accelerators were all running, months late, and what held it). A project's {@code role} is
 * {@code scored} (held out) or {@code calibration} (facts may be derived from it; never scored).
 *
 * <p>A scored project with a date is scored on its delay (the signed error, analyzer minus observed,
 * at the observed phase; a hit within {@link #TOLERANCE_MONTHS}) and, with samples, on whether the
 * observed delay lies in the analyzer's P10-P90; every scored project whose cause is known (a wall, or
 * {@code NONE}) on wall identity: the analyzer's schedule wall for that phase is what held it, or both
 * say nothing did. A cancelled or restructured project, and one late with no date yet, is scored on
 * what held it only; a pending one is not scored.
 */
public final class Backtest {

    /** How far the analyzer's delay may be from the observed one and still count as a hit. */
    public static final int TOLERANCE_MONTHS = 6;
    /** What held a project when nothing did. */
    public static final String NONE = "NONE";
    public static final Set<String> ROLES = Set.of("scored", "calibration");
    public static final Set<String> OUTCOMES = Set.of("online", "late", "pending", "cancelled", "restructured");

    /** One project: the analyzer's answer at the observed phase beside what happened, with its scores. */
    public record Row(String id, String project, String role, LocalDate decided, LocalDate target, int phase,
            String predictedWall, Integer predictedMonths, boolean predictedNever, Integer p10, Integer p50,
            Integer p90, String outcome, LocalDate observedOnline, Integer observedMonths, String heldBy,
            Integer error, Boolean hit, Boolean wallMatch, Boolean covered) {

        /** Scored on its delay: a scored project online with a date. */
        public boolean delayScored() {
            return role.equals("scored") && observedMonths != null;
        }

        /** Scored on what held it: a scored, not pending project whose cause is known. */
        public boolean wallScored() {
            return role.equals("scored") && !outcome.equals("pending") && heldBy != null;
        }
    }

    /** The totals over the scored projects. */
    public record Totals(int scored, int delayScored, int hits, int wallScored, int wallMatches, int coverageScored,
            int covered, Double meanSignedError, int never, int later, int earlier, int pending, int calibration,
            int samples) {

        public double hitRate() {
            return delayScored == 0 ? 0 : (double) hits / delayScored;
        }

        public double wallIdentity() {
            return wallScored == 0 ? 0 : (double) wallMatches / wallScored;
        }

        public double coverage() {
            return coverageScored == 0 ? 0 : (double) covered / coverageScored;
        }
    }

    /** Every project, the totals, and every fact that leaks a scored project (none, when the backtest is honest). */
    public record Result(List<Row> rows, Totals totals, List<Leakage.Leak> leaks) {
    }

    private Backtest() {
    }

    /** The backtest without samples: delays and walls, no coverage. */
    public static Result run(Path dir, Analyzer analyzer, FactBase facts) throws IOException {
        return run(dir, analyzer, facts, 0, MonteCarlo.DEFAULT_SEED);
    }

    /** The backtest; with {@code samples} above 0, each project's P10-P90 and the coverage too. */
    public static Result run(Path dir, Analyzer analyzer, FactBase facts, int samples, long seed) throws IOException {
        return run(read(dir, facts, analyzer), analyzer, facts, samples, seed);
    }

    /** The backtest of projects already read. */
    public static Result run(List<Project> projects, Analyzer analyzer, FactBase facts, int samples, long seed) {
        List<Row> rows = new ArrayList<>();
        for (Project p : projects) {
            rows.add(score(p, analyzer, facts, samples, seed));
        }
        return new Result(rows, totals(rows, samples), Leakage.find(projects, facts));
    }

    /** A project as its file says it. */
    /**
     * @param move what the builder did that the plan does not hold, in words (empty: nothing recorded)
     * @param moveLevers the levers ({@code rules/levers.csv}) that stand for that move, for the advice backtest;
     *        empty with {@code moveLeversWhy} saying which lever is missing
     */
    public record Project(String id, String name, String role, Plan plan, int phase, String outcome, LocalDate online,
            Integer slipMonths, String heldBy, Set<String> urls, List<String> dockets, List<String> move,
            List<String> moveLevers, String moveLeversWhy) {

        public boolean scored() {
            return role.equals("scored");
        }
    }

    /** Every project in a folder of backtest files, each checked; a broken file is named with what is wrong. */
    public static List<Project> read(Path dir, FactBase facts, Analyzer analyzer) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory of backtest files (*.json)");
        }
        PlanReader reader = new PlanReader(facts, analyzer.rules().attributes());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<Project> projects = new ArrayList<>();
        for (Path file : files) {
            projects.add(project(file, reader));
        }
        return projects;
    }

    private static Project project(Path file, PlanReader reader) throws IOException {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
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
        String role = root.path("role").asString("scored");
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException(name + ": role '" + role + "' is not one of " + ROLES);
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
        Integer slip = observed.path("slipMonths").isNumber() ? observed.path("slipMonths").asInt() : null;
        String outcome = observed.path("outcome").asString(slip == null ? "pending" : "online");
        if (!OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException(name + ": observed.outcome '" + outcome + "' is not one of " + OUTCOMES);
        }
        if (outcome.equals("online") && (online == null || slip == null)) {
            throw new IllegalArgumentException(name + ": an online outcome needs observed.online and observed.slipMonths");
        }
        if (!outcome.equals("online") && slip != null) {
            throw new IllegalArgumentException(name + ": observed.slipMonths is only for an online outcome; a " + outcome
                    + " project is scored on what held it");
        }
        String heldBy = observed.path("heldBy").isString() ? observed.path("heldBy").asString().toUpperCase(Locale.ROOT)
                : null;
        if (outcome.equals("pending") && heldBy != null) {
            throw new IllegalArgumentException(name + ": a pending project has no observed heldBy yet (a forecast is not"
                    + " an observation)");
        }
        if (heldBy != null && !heldBy.equals(NONE) && Factors.problem(heldBy) != null) {
            throw new IllegalArgumentException(name + ": observed.heldBy: " + Factors.problem(heldBy) + "; or " + NONE
                    + " when nothing held it");
        }
        checkDates(name, root, plan, phase);
        checkHeld(name, root.path("held"), plan);
        checkSources(name, root, "");
        List<String> move = new ArrayList<>();
        root.path("move").forEach(m -> move.add(m.path("what").asString("")));
        List<String> moveLevers = new ArrayList<>();
        root.path("moveLevers").forEach(l -> moveLevers.add(l.asString("")));
        String moveLeversWhy = root.path("moveLeversWhy").asString("");
        if (!move.isEmpty() && moveLevers.isEmpty() && moveLeversWhy.isBlank()) {
            throw new IllegalArgumentException(name + ": a project with a move names the levers that stand for it"
                    + " (moveLevers), or says in moveLeversWhy which lever is missing");
        }
        return new Project(id, root.path("project").asString(id), role, plan, phase, outcome, online, slip, heldBy,
                urls(root), dockets(name, root), move, moveLevers, moveLeversWhy);
    }

    /** The decision and the target are the plan's: a file cannot say one date and analyse another. */
    private static void checkDates(String name, JsonNode root, Plan plan, int phase) {
        JsonNode decision = root.path("decision");
        if (!decision.path("date").isString()) {
            throw new IllegalArgumentException(name + ": decision.date is missing: the day the builder's commitment was"
                    + " first public (yyyy-mm-dd)");
        }
        if (!decision.path("date").asString().equals(String.valueOf(plan.decisionDate()))) {
            throw new IllegalArgumentException(name + ": decision.date " + decision.path("date").asString()
                    + " is not the plan's decisionDate " + plan.decisionDate());
        }
        JsonNode target = root.path("target");
        if (target.path("date").isString()) {
            LocalDate online = plan.phases().get(phase - 1).online();
            if (!target.path("date").asString().equals(String.valueOf(online))) {
                throw new IllegalArgumentException(name + ": target.date " + target.path("date").asString()
                        + " is not the online date of the plan's phase " + phase + " (" + online + ")");
            }
        } else if (!target.path("assumed").asBoolean(false)) {
            throw new IllegalArgumentException(name + ": target.date is missing; with no target public at the decision,"
                    + " say target.assumed true and why the plan's date was chosen");
        }
    }

    /** Every source names its claim, its address, whether it is the issuer's own text and whether it was checked. */
    private static void checkSources(String name, JsonNode node, String path) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().equals("sources")) {
                    int i = 0;
                    for (JsonNode source : field.getValue()) {
                        String where = name + ": " + at + "[" + i++ + "]";
                        for (String key : List.of("claim", "url", "status", "checked")) {
                            if (!source.path(key).isString() || source.path(key).asString().isBlank()) {
                                throw new IllegalArgumentException(where + " has no " + key);
                            }
                        }
                        if (!Set.of("primary", "secondary").contains(source.path("status").asString())) {
                            throw new IllegalArgumentException(where + ": status is primary (the issuer's own text) or"
                                    + " secondary");
                        }
                    }
                } else {
                    checkSources(name, field.getValue(), at);
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                checkSources(name, item, path + "[" + i++ + "]");
            }
        }
    }

    /** Every address a file cites, anywhere in it. */
    private static Set<String> urls(JsonNode root) {
        Set<String> urls = new TreeSet<>();
        for (JsonNode url : root.findValues("url")) {
            if (url.isString()) {
                urls.add(Sources.address(url.asString()));
            }
        }
        return urls;
    }

    private static List<String> dockets(String name, JsonNode root) {
        List<String> dockets = new ArrayList<>();
        for (JsonNode d : root.path("dockets")) {
            String docket = d.asString("").strip();
            if (docket.length() < 4) {
                throw new IllegalArgumentException(name + ": dockets holds '" + docket + "', too short to be a docket"
                        + " number (like ER24-2172)");
            }
            dockets.add(docket);
        }
        return dockets;
    }

    /**
     * The plan's attributes come from what the builder held on the decision date: every held item that
     * names an attribute must give the plan's value for it.
     */
    private static void checkHeld(String name, JsonNode held, Plan plan) {
        for (JsonNode item : held) {
            if (!item.hasNonNull("attribute")) {
                continue;
            }
            String attribute = item.get("attribute").asString();
            Object value = plan.attributes().get(attribute);
            JsonNode said = item.path("value");
            boolean same = value != null && (said.isNumber() && value instanceof Number n
                    ? n.doubleValue() == said.asDouble() : Objects.equals(String.valueOf(value), said.asString()));
            if (!same) {
                throw new IllegalArgumentException(name + ": held says " + attribute + " = " + said + " but the plan has "
                        + attribute + " = " + value + "; the plan's attributes come from what was held");
            }
        }
    }

    private static Row score(Project p, Analyzer analyzer, FactBase facts, int samples, long seed) {
        Analysis analysis = analyzer.analyze(p.plan(), facts, false);
        Schedule at = Schedule.of(analysis).get(p.phase() - 1);
        boolean never = at.achievable() == null;
        Integer months = never ? null : at.delayMonths();
        String wall = at.limitingFactor() == null || (!never && months == 0) ? NONE : at.limitingFactor();
        Integer p10 = null;
        Integer p50 = null;
        Integer p90 = null;
        boolean sampled = samples > 0 && p.role().equals("scored") && p.slipMonths() != null;
        if (sampled) {
            Uncertainty u = new MonteCarlo(analyzer).run(p.plan(), facts, samples, seed, null);
            Uncertainty.Percentiles<Integer> d = u.phaseDelayMonths().get(p.phase() - 1);
            p10 = d.p10();
            p50 = d.p50();
            p90 = d.p90();
        }
        boolean scored = p.role().equals("scored");
        Integer error = scored && p.slipMonths() != null && !never ? months - p.slipMonths() : null;
        Boolean hit = scored && p.slipMonths() != null ? (Boolean) (!never && Math.abs(months - p.slipMonths())
                <= TOLERANCE_MONTHS) : null;
        Boolean wallMatch = scored && !p.outcome().equals("pending") && p.heldBy() != null
                ? (Boolean) wall.equals(p.heldBy()) : null;
        Boolean covered = sampled ? (Boolean) within(p.slipMonths(), p10, p90) : null;
        return new Row(p.id(), p.name(), p.role(), p.plan().decisionDate(), p.plan().phases().get(p.phase() - 1).online(),
                p.phase(), wall, months, never, p10, p50, p90, p.outcome(), p.online(), p.slipMonths(), p.heldBy(), error,
                hit, wallMatch, covered);
    }

    /** Whether a finite delay lies in [p10, p90], an open-ended percentile being later than any date. */
    static boolean within(int observed, Integer p10, Integer p90) {
        boolean aboveLow = p10 != null && observed >= p10;
        boolean belowHigh = p90 == null || observed <= p90;
        return aboveLow && belowHigh;
    }

    private static Totals totals(List<Row> rows, int samples) {
        int scored = 0;
        int delay = 0;
        int hits = 0;
        int walls = 0;
        int matches = 0;
        int coverage = 0;
        int covered = 0;
        int never = 0;
        int later = 0;
        int earlier = 0;
        int pending = 0;
        int calibration = 0;
        long errorSum = 0;
        int errors = 0;
        for (Row r : rows) {
            if (r.role().equals("calibration")) {
                calibration++;
                continue;
            }
            if (r.outcome().equals("pending")) {
                pending++;
                continue;
            }
            if (r.delayScored() || r.wallScored()) {
                scored++;
            }
            if (r.delayScored()) {
                delay++;
                hits += Boolean.TRUE.equals(r.hit()) ? 1 : 0;
                if (r.error() == null) {
                    never++;
                } else {
                    errorSum += r.error();
                    errors++;
                }
                if (r.covered() != null) {
                    coverage++;
                    covered += r.covered() ? 1 : 0;
                    if (r.p50() == null || r.p50() > r.observedMonths()) {
                        later++;
                    } else if (r.p50() < r.observedMonths()) {
                        earlier++;
                    }
                }
            }
            if (r.wallScored()) {
                walls++;
                matches += Boolean.TRUE.equals(r.wallMatch()) ? 1 : 0;
            }
        }
        return new Totals(scored, delay, hits, walls, matches, coverage, covered,
                errors == 0 ? null : (double) errorSum / errors, never, later, earlier, pending, calibration, samples);
    }

    /** The table the command prints and the README shows, with the totals under it. */
    public static String table(Result result) {
        StringBuilder t = new StringBuilder();
        boolean sampled = result.totals().samples() > 0;
        t.append("| project | role | decided | target | analyzer: schedule wall, months late")
                .append(sampled ? " (P10-P90)" : "").append(" | observed: outcome, months late, what held it | error | hit | wall |\n");
        t.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : result.rows()) {
            t.append("| ").append(r.project()).append(" | ").append(r.role()).append(" | ").append(r.decided())
                    .append(" | ").append(r.target()).append(" | ").append(r.predictedWall()).append(", ")
                    .append(r.predictedNever() ? "never" : r.predictedMonths());
            if (r.covered() != null) {
                t.append(" (").append(open(r.p10())).append("-").append(open(r.p90())).append(")");
            }
            t.append(" | ").append(r.outcome());
            if (r.observedOnline() != null) {
                t.append(" ").append(r.observedOnline()).append(", ").append(r.observedMonths());
            }
            t.append(", ").append(r.heldBy() == null ? "not known" : r.heldBy()).append(" | ")
                    .append(r.error() == null ? (r.delayScored() ? "never" : "") : signed(r.error())).append(" | ")
                    .append(mark(r.hit())).append(" | ").append(mark(r.wallMatch())).append(" |\n");
        }
        Totals s = result.totals();
        t.append(String.format(Locale.ROOT, "%nscored: %d projects with a known outcome (%d with a date, %d with what held"
                + " it); %d pending; %d calibration (never scored)%n", s.scored(), s.delayScored(), s.wallScored(),
                s.pending(), s.calibration()));
        t.append(String.format(Locale.ROOT, "hit rate: %d of %d (%.0f%%), a hit within %d months; mean signed error %s"
                + " months (analyzer minus observed)%s%n", s.hits(), s.delayScored(), s.hitRate() * 100, TOLERANCE_MONTHS,
                s.meanSignedError() == null ? "none" : String.format(Locale.ROOT, "%+.1f", s.meanSignedError()),
                s.never() == 0 ? "" : "; " + s.never() + " the analyzer sees never running"));
        t.append(String.format(Locale.ROOT, "wall identity: %d of %d (%.0f%%)%n", s.wallMatches(), s.wallScored(),
                s.wallIdentity() * 100));
        if (sampled) {
            t.append(String.format(Locale.ROOT, "coverage: %d of %d observed delays inside the P10-P90 (%.0f%%, %d samples"
                    + " each); the P50 is later than what happened %d times, earlier %d times%n", s.covered(),
                    s.coverageScored(), s.coverage() * 100, s.samples(), s.later(), s.earlier()));
        }
        if (!result.leaks().isEmpty()) {
            t.append(String.format(Locale.ROOT, "LEAKAGE: %d facts learned from scored projects, so these scores are not"
                    + " honest:%n", result.leaks().size()));
            result.leaks().forEach(l -> t.append("  ").append(l).append('\n'));
        }
        return t.toString();
    }

    private static String open(Integer months) {
        return months == null ? "never" : months.toString();
    }

    private static String signed(int n) {
        return (n > 0 ? "+" : "") + n;
    }

    private static String mark(Boolean b) {
        return b == null ? "" : b ? "yes" : "no";
    }
}

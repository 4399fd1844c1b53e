package io.firstwall.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.apache.commons.text.similarity.LevenshteinDistance;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Format;
import io.firstwall.plan.Json;
import io.firstwall.analysis.PhaseDemand;
import io.firstwall.analysis.Wall;
import io.firstwall.backtest.Advice;
import io.firstwall.backtest.Backtest;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.system.Hashes;
import io.firstwall.facts.FactLoadException;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanProblem;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.uncertainty.Answer;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;

/**
 * {@code analyze PLAN.json... [--json] [--samples N [--seed S]] [--budget T] [--rules DIR] [--data DIR]}. Exit codes: 0 analysed,
 * 1 a plan file is invalid or unreadable, 2 wrong usage or a broken rule set or fact base.
 * {@code backtest [--samples N [--seed S]] [--rules DIR] [--data DIR]}: {@link Backtest}; exit codes 0 printed,
 * 1 a backtest file is unreadable or invalid (named) or a fact leaks a scored project (printed under the
 * table), 2 wrong usage or a broken rule set or fact base.
 */
public final class Cli {

    public static final String USAGE = """
            usage: java -jar target/firstwall.jar analyze PLAN.json... [--json] [--samples N [--seed S]] [--budget T] [--rules DIR] [--data DIR]
              --json        one JSON object per plan (an array for several plans)
              --samples N   how sure: N Latin hypercube samples of the facts' ranges (1 to 100000; 1000 is usual)
              --seed S      the samples' seed, to reproduce them (default 20261129)
              --budget T    CPU time one analysis may use before it is stopped as a loop: 2s (default), 500ms, 1m
              --rules DIR   rule files (default ./rules)
              --data DIR    fact base (default ./data)
            usage: java -jar target/firstwall.jar backtest [--advice] [--samples N [--seed S]] [--budget T] [--rules DIR] [--data DIR]
              the analyzer against real campuses (DIR/backtests/*.json): its answer beside what happened, scored on the
              delay (hit within 6 months, signed error), on what held it (wall identity) and, with --samples, on
              whether the observed delay lies in the analyzer's P10-P90 (coverage)
              --advice      also seek on each project's plan without the builder's move: is the move among the top three?
            usage: java -jar target/firstwall.jar seek PLAN.json [--confidence P [--samples N] [--seed S]] [--lock F,G] [--max-changes K] [--json] [--rules DIR] [--data DIR]
              what would it take: the cheapest sets of lever changes (rules/levers.csv) that put every phase on time
              --confidence P  on time in at least this share of samples (0.8), not only in the point answer
              --samples N     samples per finalist with --confidence (default 1000); alone, how sure each option is
              --lock F,G      fields to keep: location (or site), targets, accelerators, power, or an attribute
              --max-changes K the most changes in one option (1 to 4; default 3)""";

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }

    /** The commands, for "did you mean". */
    static final List<String> COMMANDS = List.of("analyze", "backtest", "batch", "seek");

    /** What to say of a first word that is no command: the nearest command when one is close. */
    public static String unknownCommand(String word) {
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String c : COMMANDS) {
            int d = LevenshteinDistance.getDefaultInstance().apply(c, word.toLowerCase(java.util.Locale.ROOT));
            if (d < best) {
                best = d;
                nearest = c;
            }
        }
        return "unknown command '" + word + "'" + (best <= 3 ? "; did you mean " + nearest + "?" : "")
                + "\n(no command starts the web app)\n" + USAGE;
    }

    /** A CPU time written as 2s, 500ms or 1m (or a plain number of milliseconds); null when it is none. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = t.endsWith("ms") ? 1 : t.endsWith("s") ? 1000 : t.endsWith("m") ? 60_000 : 1;
        String number = t.replaceFirst("(ms|s|m)$", "");
        if (!number.matches("\\d{1,7}") || Long.parseLong(number) == 0) {
            return null;
        }
        return Duration.ofMillis(Long.parseLong(number) * unit);
    }

    public int run(String[] args) {
        if (args.length > 0 && args[0].equals("backtest")) {
            return backtest(args);
        }
        if (args.length > 0 && args[0].equals("seek")) {
            return new SeekCommand(out, err).run(args);
        }
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        if (!args[0].equals("analyze")) {
            err.println(unknownCommand(args[0]));
            return 2;
        }
        boolean json = false;
        Duration budget = Analyzer.DEFAULT_TIME_BUDGET;
        int samples = 0;
        long seed = MonteCarlo.DEFAULT_SEED;
        Path rules = Path.of("rules");
        Path data = Path.of("data");
        List<Path> plans = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--samples", "--seed" -> {
                    Long number = i + 1 < args.length && args[i + 1].matches("-?\\d{1,18}") ? Long.valueOf(args[i + 1]) : null;
                    if (number == null || (args[i].equals("--samples") && (number < 1 || number > MonteCarlo.MAX_SAMPLES))) {
                        err.println(args[i] + " needs " + (args[i].equals("--samples") ? "a whole number from 1 to "
                                + MonteCarlo.MAX_SAMPLES : "a whole number") + "\n" + USAGE);
                        return 2;
                    }
                    if (args[i].equals("--samples")) {
                        samples = number.intValue();
                    } else {
                        seed = number;
                    }
                    i++;
                }
                case "--budget" -> {
                    budget = i + 1 < args.length ? duration(args[i + 1]) : null;
                    if (budget == null) {
                        err.println("--budget needs a CPU time such as 2s, 500ms or 1m\n" + USAGE);
                        return 2;
                    }
                    i++;
                }
                case "--rules", "--data" -> {
                    if (i + 1 >= args.length) {
                        err.println(args[i] + " needs a directory\n" + USAGE);
                        return 2;
                    }
                    Path dir = Path.of(args[++i]);
                    if (args[i - 1].equals("--rules")) {
                        rules = dir;
                    } else {
                        data = dir;
                    }
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        err.println("unknown option " + args[i] + "\n" + USAGE);
                        return 2;
                    }
                    plans.add(Path.of(args[i]));
                }
            }
        }
        if (plans.isEmpty()) {
            err.println("no plan file given\n" + USAGE);
            return 2;
        }
        FactBase facts;
        Analyzer analyzer;
        try {
            facts = facts(data);
            analyzer = new Analyzer(RuleCompiler.compile(rules), budget);
        } catch (FactLoadException | RuleBuildException e) {
            err.println(e.getMessage());
            return 2;
        }
        PlanReader reader = new PlanReader(facts, analyzer.rules().attributes());
        List<Object> results = new ArrayList<>();
        int status = 0;
        for (Path file : plans) {
            try {
                Plan plan = reader.read(Files.readString(file, StandardCharsets.UTF_8));
                Analysis analysis = analyzer.analyze(plan, facts);
                if (samples == 0) {
                    results.add(analysis);
                } else {
                    int total = samples;
                    IntConsumer progress = json || samples < 5000 ? null
                            : done -> err.printf("%s: %d of %d samples%n", file.getFileName(), done, total);
                    results.add(new Answer(analysis, new MonteCarlo(analyzer).run(plan, facts, samples, seed, progress)));
                }
            } catch (IOException | InvalidPlanException | AnalysisException e) {
                status = failed(file, e, err);
            }
        }
        if (json) {
            Object body = plans.size() == 1 && results.size() == 1 ? results.get(0) : results;
            out.println(Json.PRETTY.writeValueAsString(body));
        } else {
            results.forEach(r -> {
                if (r instanceof Answer answer) {
                    printText(answer.analysis());
                    printUncertainty(answer.uncertainty());
                } else {
                    printText((Analysis) r);
                }
            });
        }
        return status;
    }

    /**
     * Says why a plan file gave no answer and returns the exit code for it: 1 unreadable or invalid (every
     * wrong field named), 2 an analysis that failed.
     */
    static int failed(Path file, Exception e, PrintStream err) {
        if (e instanceof InvalidPlanException invalid) {
            err.println(file + ": invalid plan");
            for (PlanProblem p : invalid.problems()) {
                err.println("  " + p.field() + ": " + p.message());
            }
            return 1;
        }
        if (e instanceof IOException) {
            err.println(file + ": cannot read the file (" + e.getMessage() + ")");
            return 1;
        }
        err.println(file + ": " + e.getMessage());
        return 2;
    }

    private void printText(Analysis a) {
        out.println("== " + a.plan().name() + " (" + a.plan().location() + ", " + a.plan().power() + ", "
                + a.plan().accelerator() + ")");
        for (PhaseDemand d : a.demand()) {
            out.printf("  phase %d by %s: %s%n", d.phase(), d.online(), d.explanation());
        }
        if (a.feasible()) {
            out.println("  feasible as planned: no wall");
        } else {
            Wall w = a.firstWall();
            out.printf("  first wall: %s, binds on %s, slip %s%n", w.factor(), w.bindsOn(), slip(w));
            Wall schedule = a.scheduleWall();
            if (!schedule.factor().equals(w.factor())) {
                out.printf("  sets the schedule: %s, worst phase %s%n", schedule.factor(),
                        schedule.maxDelayMonths() == null ? "never runs within the facts" : months(schedule.maxDelayMonths()) + " late");
            }
            out.println("  cascade: " + String.join(" -> ", a.cascade()));
            for (Wall wall : a.walls()) {
                out.printf("  - %-17s binds %s, slip %s, worst phase %s, shortfall %s: %s%n", wall.factor(), wall.bindsOn(),
                        slip(wall), wall.maxDelayMonths() == null ? "never" : months(wall.maxDelayMonths()) + " late",
                        Format.amount(wall.shortfall(), wall.unit()), wall.explanation());
            }
        }
        a.notes().forEach(n -> out.println("  note (" + n.ruleId() + "): " + n.text()));
    }

    private void printUncertainty(Uncertainty u) {
        out.printf("  how sure (%d samples, seed %d):%n", u.samples(), u.seed());
        u.firstWallProbability().forEach((factor, p) -> out.printf("    first wall %-17s %5.1f%% (95%%: %.1f\u2013%.1f%%)%n",
                factor, 100 * p, 100 * u.interval95().get(factor).low(), 100 * u.interval95().get(factor).high()));
        out.printf("    feasible as planned     %5.1f%%%n", 100 * u.feasibleProbability());
        out.printf("    delay P10/P50/P90: %s / %s / %s months; full capacity P10/P50/P90: %s / %s / %s%n",
                open(u.delayMonths().p10()), open(u.delayMonths().p50()), open(u.delayMonths().p90()),
                open(u.fullCapacityOn().p10()), open(u.fullCapacityOn().p50()), open(u.fullCapacityOn().p90()));
        u.sensitivity().stream().limit(5).forEach(s -> out.printf(
                "    %-40s rank corr %+.2f; at low %s: %s months, at high %s: %s months%s%n", s.fact(), s.rankCorrelation(),
                Format.value(s.low(), s.unit()), open(s.lowDelayMonths()), Format.value(s.high(), s.unit()), open(s.highDelayMonths()),
                s.flipsFirstWall() ? " (changes the first wall)" : ""));
    }

    private static String open(Object value) {
        return value == null ? "open-ended" : value.toString();
    }

    private static String slip(Wall w) {
        if (w.slipMonths() == null) {
            return "open-ended";
        }
        return months(w.slipMonths());
    }

    private static String months(int n) {
        return n + (n == 1 ? " month" : " months");
    }

    /** The fact base of a data directory, versioned by its files as the app versions it. */
    static FactBase facts(Path data) {
        Map<String, String> factFiles = FactCsvReader.texts(data);
        return FactCsvReader.read(factFiles).withVersion(Hashes.ofFiles(factFiles));
    }

    private int backtest(String[] args) {
        Path rules = Path.of("rules");
        Path data = Path.of("data");
        Duration budget = Analyzer.DEFAULT_TIME_BUDGET;
        int samples = 0;
        long seed = MonteCarlo.DEFAULT_SEED;
        boolean advice = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--advice")) {
                advice = true;
            } else if (args[i].equals("--budget") && i + 1 < args.length && duration(args[i + 1]) != null) {
                budget = duration(args[++i]);
            } else if ((args[i].equals("--samples") || args[i].equals("--seed")) && i + 1 < args.length
                    && args[i + 1].matches("\\d{1,9}")) {
                long n = Long.parseLong(args[++i]);
                if (args[i - 1].equals("--seed")) {
                    seed = n;
                } else if (n >= 1 && n <= MonteCarlo.MAX_SAMPLES) {
                    samples = (int) n;
                } else {
                    err.println("--samples needs a whole number from 1 to " + MonteCarlo.MAX_SAMPLES + "\n" + USAGE);
                    return 2;
                }
            } else if ((args[i].equals("--rules") || args[i].equals("--data")) && i + 1 < args.length) {
                Path dir = Path.of(args[++i]);
                if (args[i - 1].equals("--rules")) {
                    rules = dir;
                } else {
                    data = dir;
                }
            } else {
                err.println("unknown or incomplete option " + args[i] + "\n" + USAGE);
                return 2;
            }
        }
        try {
            FactBase facts = facts(data);
            Analyzer analyzer = new Analyzer(RuleCompiler.compile(rules), budget);
            Backtest.Result result = Backtest.run(data.resolve("backtests"), analyzer, facts, samples, seed);
            out.print(Backtest.table(result));
            if (advice) {
                out.println();
                out.print(Advice.table(Advice.run(data.resolve("backtests"), analyzer, facts)));
            }
            return result.leaks().isEmpty() ? 0 : 1;
        } catch (FactLoadException | RuleBuildException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException | AnalysisException e) {
            err.println("backtest: " + e.getMessage());
            return 1;
        }
    }
}

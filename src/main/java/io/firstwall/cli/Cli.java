package io.firstwall.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Format;
import io.firstwall.plan.Json;
import io.firstwall.analysis.PhaseDemand;
import io.firstwall.analysis.Wall;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.facts.FactLoadException;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanProblem;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;

/**
 * {@code analyze PLAN.json... [--json] [--rules DIR] [--data DIR]}. Exit codes: 0 analysed,
 * 1 a plan file is invalid or unreadable, 2 wrong usage or a broken rule set or fact base.
 */
public final class Cli {

    public static final String USAGE = """
            usage: java -jar target/firstwall.jar analyze PLAN.json... [--json] [--rules DIR] [--data DIR]
              --json        one JSON object per plan (an array for several plans)
              --rules DIR   rule files (default ./rules)
              --data DIR    fact base (default ./data)""";

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }

    public int run(String[] args) {
        if (args.length == 0 || !args[0].equals("analyze")) {
            err.println(USAGE);
            return 2;
        }
        boolean json = false;
        Path rules = Path.of("rules");
        Path data = Path.of("data");
        List<Path> plans = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
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
            facts = FactCsvReader.read(data);
            analyzer = new Analyzer(RuleCompiler.compile(rules));
        } catch (FactLoadException | RuleBuildException e) {
            err.println(e.getMessage());
            return 2;
        }
        PlanReader reader = new PlanReader(facts);
        List<Analysis> results = new ArrayList<>();
        int status = 0;
        for (Path file : plans) {
            try {
                Plan plan = reader.read(Files.readString(file, StandardCharsets.UTF_8));
                results.add(analyzer.analyze(plan, facts));
            } catch (IOException e) {
                err.println(file + ": cannot read the file (" + e.getMessage() + ")");
                status = 1;
            } catch (InvalidPlanException e) {
                err.println(file + ": invalid plan");
                for (PlanProblem p : e.problems()) {
                    err.println("  " + p.field() + ": " + p.message());
                }
                status = 1;
            } catch (AnalysisException e) {
                err.println(file + ": " + e.getMessage());
                status = 2;
            }
        }
        if (json) {
            Object body = plans.size() == 1 && results.size() == 1 ? results.get(0) : results;
            out.println(Json.PRETTY.writeValueAsString(body));
        } else {
            results.forEach(this::printText);
        }
        return status;
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
            out.println("  cascade: " + String.join(" -> ", a.cascade()));
            for (Wall wall : a.walls()) {
                out.printf("  - %-17s binds %s, slip %s, shortfall %s: %s%n", wall.factor(), wall.bindsOn(), slip(wall),
                        Format.amount(wall.shortfall(), wall.unit()), wall.explanation());
            }
        }
        a.notes().forEach(n -> out.println("  note (" + n.ruleId() + "): " + n.text()));
    }

    private static String slip(Wall w) {
        if (w.slipMonths() == null) {
            return "open-ended";
        }
        return w.slipMonths() + (w.slipMonths() == 1 ? " month" : " months");
    }
}

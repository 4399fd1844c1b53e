package io.firstwall.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactLoadException;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Json;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanReader;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.seek.Seek;
import io.firstwall.seek.SeekRequest;
import io.firstwall.seek.SeekResult;
import io.firstwall.seek.SeekText;
import io.firstwall.uncertainty.MonteCarlo;

/**
 * {@code seek PLAN.json... [--confidence P [--samples N] [--seed S]] [--lock F,G] [--max-changes K] [--json]}:
 * {@link Seek} from the command line, progress on stderr. Exit codes as {@code analyze}'s: 0 sought,
 * 1 a plan file is invalid or unreadable, 2 wrong usage or a broken rule set or fact base.
 */
final class SeekCommand {

    private final PrintStream out;
    private final PrintStream err;

    SeekCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        boolean json = false;
        double confidence = 0;
        Integer samples = null;
        long seed = MonteCarlo.DEFAULT_SEED;
        Set<String> locks = new LinkedHashSet<>();
        int maxChanges = SeekRequest.DEFAULT_MAX_CHANGES;
        Path rules = Path.of("rules");
        Path data = Path.of("data");
        List<Path> plans = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (option) {
                case "--json" -> json = true;
                case "--confidence" -> {
                    Double p = value != null && value.matches("0?\\.\\d{1,4}") ? Double.valueOf(value) : null;
                    if (p == null || p <= 0) {
                        return usage("--confidence needs a share above 0 and below 1, such as 0.8");
                    }
                    confidence = p;
                    i++;
                }
                case "--samples", "--seed", "--max-changes" -> {
                    if (value == null || !value.matches("\\d{1,9}")) {
                        return usage(option + " needs a whole number");
                    }
                    long n = Long.parseLong(value);
                    if (option.equals("--samples")) {
                        if (n < 1 || n > MonteCarlo.MAX_SAMPLES) {
                            return usage("--samples needs a whole number from 1 to " + MonteCarlo.MAX_SAMPLES);
                        }
                        samples = (int) n;
                    } else if (option.equals("--seed")) {
                        seed = n;
                    } else {
                        if (n < 1 || n > 4) {
                            return usage("--max-changes needs 1 to 4");
                        }
                        maxChanges = (int) n;
                    }
                    i++;
                }
                case "--lock" -> {
                    if (value == null || value.startsWith("--")) {
                        return usage("--lock needs fields such as location,targets");
                    }
                    for (String f : value.split(",")) {
                        if (!f.isBlank()) {
                            locks.add(f.strip());
                        }
                    }
                    i++;
                }
                case "--rules", "--data" -> {
                    if (value == null) {
                        return usage(option + " needs a directory");
                    }
                    if (option.equals("--rules")) {
                        rules = Path.of(value);
                    } else {
                        data = Path.of(value);
                    }
                    i++;
                }
                default -> {
                    if (option.startsWith("--")) {
                        return usage("unknown option " + option);
                    }
                    plans.add(Path.of(option));
                }
            }
        }
        if (plans.isEmpty()) {
            return usage("no plan file given");
        }
        FactBase facts;
        Analyzer analyzer;
        try {
            facts = Cli.facts(data);
            analyzer = new Analyzer(RuleCompiler.compile(rules));
        } catch (FactLoadException | RuleBuildException e) {
            err.println(e.getMessage());
            return 2;
        }
        PlanReader reader = new PlanReader(facts, analyzer.rules().attributes());
        try {
            locks = SeekRequest.locks(String.join(",", locks), reader.attributes());
        } catch (IllegalArgumentException e) {
            return usage("--" + e.getMessage());
        }
        // Point answers by default (fast); --samples alone says how sure each option is; a confidence samples finalists.
        int n = samples != null ? samples : confidence > 0 ? MonteCarlo.DEFAULT_SAMPLES : 0;
        SeekRequest request = new SeekRequest(confidence, n, seed, locks, maxChanges, SeekRequest.DEFAULT_TOP);
        Seek seek = new Seek(analyzer, new MonteCarlo(analyzer));
        List<SeekResult> results = new ArrayList<>();
        int status = 0;
        for (Path file : plans) {
            try {
                Plan plan = reader.read(Files.readString(file, StandardCharsets.UTF_8));
                SeekResult r = seek.seek(plan, facts, reader, request, step -> err.println(file.getFileName() + ": " + step));
                results.add(r);
                if (!json) {
                    out.println("== " + plan.name() + " (" + plan.location() + ", " + plan.power() + ", " + plan.accelerator() + ")");
                    out.print(SeekText.of(r));
                }
            } catch (IOException | InvalidPlanException | AnalysisException e) {
                status = Cli.failed(file, e, err);
            }
        }
        if (json) {
            out.println(Json.PRETTY.writeValueAsString(plans.size() == 1 && results.size() == 1 ? results.get(0) : results));
        }
        return status;
    }

    private int usage(String problem) {
        err.println(problem + "\n" + Cli.USAGE);
        return 2;
    }
}

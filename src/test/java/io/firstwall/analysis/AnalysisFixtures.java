package io.firstwall.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.Phase;
import io.firstwall.plan.Plan;
import io.firstwall.plan.Power;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleCompiler;

/** The real rules/ and data/ of the repository, compiled once, and a builder for plans. */
public final class AnalysisFixtures {

    public static final Path RULES_DIR = Path.of("rules");
    public static final Path DATA_DIR = Path.of("data");
    public static final RuleBase RULES = RuleCompiler.compile(RULES_DIR);
    public static final FactBase FACTS = FactCsvReader.read(DATA_DIR);
    public static final Analyzer ANALYZER = new Analyzer(RULES);

    private AnalysisFixtures() {
    }

    /** A copy of a directory tree (say rules/) that a test may edit or publish into. */
    public static Path copyOf(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh temporary copy of rules/. */
    public static Path copyOfRules() {
        try {
            return copyOf(RULES_DIR, Files.createTempDirectory("firstwall-rules-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh temporary copy of data/ (facts, catalogues, example plans). */
    public static Path copyOfData() {
        try {
            return copyOf(DATA_DIR, Files.createTempDirectory("firstwall-data-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fact's value as a plan decided on the builder's default date (2026-01-15) reads it: a series at that date. */
    public static double fact(String id) {
        return fact(id, DEFAULT_DECISION);
    }

    /** A fact's value on a date: a series' point then, a plain fact's value. */
    public static double fact(String id, LocalDate date) {
        FACTS.fact(id).or(() -> FACTS.facts().stream().filter(f -> id.equals(io.firstwall.facts.Series.seriesOf(f.id())))
                .findFirst()).orElseThrow(() -> new AssertionError("no fact " + id));
        return FACTS.at(id, date).value();
    }

    /** The decision date of a plan built here unless it says another. */
    public static final LocalDate DEFAULT_DECISION = LocalDate.of(2026, 1, 15);

    /** What a factor allows on a date, read off its curve (0 before its first step); the analysis must have curves. */
    public static double allowedOn(Analysis a, String factor, LocalDate date) {
        FactorCurve curve = a.curves().stream().filter(c -> c.factor().equals(factor)).findFirst()
                .orElseThrow(() -> new AssertionError("no curve for " + factor));
        double amount = 0;
        for (FactorCurve.Point p : curve.allowed()) {
            if (!p.date().isAfter(date)) {
                amount = p.amount();
            }
        }
        return amount;
    }

    public static Analysis analyze(Plan plan) {
        return ANALYZER.analyze(plan, FACTS);
    }

    public static Analysis analyze(PlanBuilder plan) {
        return analyze(plan.build());
    }

    public static PlanBuilder plan(String location, Power power) {
        return new PlanBuilder(location, power);
    }

    /** A plan with sensible defaults: GB300, decided 2026-01-15. */
    public static final class PlanBuilder {
        private final String location;
        private final Power power;
        private String accelerator = "GB300";
        private LocalDate decision = DEFAULT_DECISION;
        private String name = "test plan";
        private final List<Phase> phases = new ArrayList<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        PlanBuilder(String location, Power power) {
            this.location = location;
            this.power = power;
        }

        public PlanBuilder accelerator(String id) {
            this.accelerator = id;
            return this;
        }

        public PlanBuilder name(String name) {
            this.name = name;
            return this;
        }

        public PlanBuilder decided(String date) {
            this.decision = LocalDate.parse(date);
            return this;
        }

        public PlanBuilder phase(String online, long accelerators) {
            phases.add(new Phase(phases.size() + 1, LocalDate.parse(online), accelerators));
            return this;
        }

        public PlanBuilder with(String key, Object value) {
            attributes.put(key, value);
            return this;
        }

        public Plan build() {
            return new Plan(name, location, power, accelerator, decision, phases, attributes);
        }
    }

    public static Wall wall(Analysis analysis, String factor) {
        return analysis.walls().stream().filter(w -> w.factor().equals(factor)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + factor + " wall in " + analysis.cascade()));
    }

    public static boolean hasWall(Analysis analysis, String factor) {
        return analysis.walls().stream().anyMatch(w -> w.factor().equals(factor));
    }
}

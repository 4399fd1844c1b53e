package io.firstwall.editing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Attributes;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleProblem;
import io.firstwall.ruletests.RuleTestResult;
import io.firstwall.ruletests.RuleTests;
import io.firstwall.system.AuditLog;
import io.firstwall.system.FirstwallProperties;
import io.firstwall.system.LiveAnalyzer;
import io.firstwall.system.NotFoundException;

/**
 * Edits of {@code rules/}: rule files and rule tests. How they are read (allowlist and compile),
 * checked (rule tests, impact on every saved plan) and made live (the rule base swapped); the
 * {@link PublishPipeline} does the rest, as it does for facts.
 */
@Service
public class RuleEditingService extends Editor<RuleBase> {

    private final LiveAnalyzer live;
    private final FirstwallProperties properties;
    private final PlanStore plans;
    private final LiveRuleTests tests;
    private final PublishPipeline<RuleBase> pipeline;
    /** Runs unpublished rules, away from request threads; daemon threads, so a stuck one never blocks exit. */
    private final ExecutorService candidates = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "firstwall-candidate-rules");
        t.setDaemon(true);
        return t;
    });

    RuleEditingService(LiveAnalyzer live, FirstwallProperties properties, PlanStore plans, LiveRuleTests tests,
            JdbcClient jdbc, Clock clock, AuditLog audit, TransactionTemplate tx) {
        super(audit);
        this.live = live;
        this.properties = properties;
        this.plans = plans;
        this.tests = tests;
        this.pipeline = new PublishPipeline<>(new RuleFiles(live::facts), new RevisionStore(jdbc, clock,
                "rule_revision", "rule set"), live, audit, jdbc, tx);
    }

    @Override
    PublishPipeline<RuleBase> pipeline() {
        return pipeline;
    }

    /** The live rule files and rule tests, path to text. */
    @Override
    public Map<String, String> liveFiles() {
        Map<String, String> files = new TreeMap<>(live.analyzer().rules().files());
        files.putAll(tests.files());
        return files;
    }

    /** The rule files and rule tests on disk under {@code rulesDir}, keyed as the live ones are. */
    static Map<String, String> readDisk(Path rulesDir) {
        Map<String, String> disk = new TreeMap<>(RuleCompiler.readDirectory(rulesDir));
        disk.putAll(RuleTests.read(rulesDir));
        return disk;
    }

    /** The version of a whole file set (rules and rule tests). */
    public static String version(Map<String, String> files) {
        return FileSets.version(files);
    }

    /** Stops the threads that run unpublished rules. */
    @PreDestroy
    void stop() {
        candidates.shutdownNow();
    }

    /**
     * Publishes a change set made on {@code baseVersion}. Refused, with nothing changed, when the
     * base is no longer live (a conflict), when the rules do not compile or pass the allowlist, or
     * when a rule test fails (change the test's expectation in the same change set to accept the
     * new answer on purpose).
     */
    public Revision publish(Map<String, String> changes, String baseVersion, String author, String message) {
        return pipeline.publish(changes, baseVersion, author, message, null);
    }

    /**
     * The rule base the live rules would become with {@code changes}, for tracing an edit before it
     * is published; a {@link RuleBuildException} when it does not compile.
     */
    public RuleBase candidate(Map<String, String> changes) {
        Map<String, String> merged = new TreeMap<>(live.analyzer().rules().files());
        RuleFiles files = new RuleFiles(live::facts);
        changes.forEach((path, text) -> {
            FileSets.checkLength(path);
            files.checkPath(path);
            if (RuleCompiler.isRuleSetFile(path)) {
                merged.put(path, text);
            }
        });
        return RuleCompiler.compile(merged);
    }

    /** Runs the live rule tests against the live rules and facts. */
    public List<RuleTestResult> runRuleTests() {
        return tests.run(live.analyzer(), live.facts(), false);
    }

    /**
     * Publishes a new rule test for a saved plan that expects what the rules answer it now (first wall,
     * bindsOn, cascade), under {@code tests/} with a file name made from the plan's name.
     */
    public Revision addRuleTest(SavedPlan plan, String author) {
        String text;
        try {
            text = RuleTests.fromAnswer(plan.json(), live.analyzer(), live.facts(), properties.dataDir());
        } catch (IOException | RuntimeException e) {
            throw new RefusedException("The saved plan \"" + plan.name() + "\" cannot be analysed, so no rule test"
                    + " can expect its answer: " + e.getMessage());
        }
        String slug = plan.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        slug = slug.isEmpty() ? "plan-" + plan.id() : slug.substring(0, Math.min(slug.length(), 60));
        Map<String, String> live = liveFiles();
        String path = RuleTests.FOLDER + slug + ".json";
        for (int n = 2; live.containsKey(path); n++) {
            path = RuleTests.FOLDER + slug + "-" + n + ".json";
        }
        return publish(Map.of(path, text), liveVersion(), author, "rule test " + path + " from the saved plan \""
                + plan.name() + "\": it expects what the rules answer now");
    }

    /** Publishes a rule test with a new expectation, made on {@code baseVersion}; refused when the rules answer otherwise. */
    public Revision saveExpectation(String file, RuleTests.Expectation expectation, String baseVersion, String author,
            String message) {
        String text = liveFiles().get(file);
        if (text == null || !RuleTests.isRuleTest(file)) {
            throw new NotFoundException("There is no rule test " + file + ".");
        }
        return publish(Map.of(file, RuleTests.withExpectation(text, expectation)), baseVersion, author, message);
    }

    /**
     * Publishes new expectations for rule tests that a fact change about to go live answers
     * differently; they are checked against those facts, not the live ones. Called by the fact
     * editor after the expert accepted the new answers on purpose.
     */
    Revision publishRuleTests(Map<String, String> ruleTests, FactBase facts, String author, String message) {
        return pipeline.publish(ruleTests, liveVersion(), author, message, null, new RuleFiles(() -> facts)::check);
    }

    public Revision revert(long revisionId, String author, String message) {
        return pipeline.revert(revisionId, author, message, null);
    }

    /** A revert as reviewed on {@code baseVersion} (see {@link #reviewRevert}). */
    public Revision revert(long revisionId, String baseVersion, String author, String message) {
        return pipeline.revert(revisionId, baseVersion, author, message, null);
    }

    /** The rules as edited files, checked against the given facts (the live ones, or facts about to go live). */
    private final class RuleFiles implements EditedFiles<RuleBase> {

        private final Supplier<FactBase> facts;

        RuleFiles(Supplier<FactBase> facts) {
            this.facts = facts;
        }

        @Override
        public String folder() {
            return "rules/";
        }

        @Override
        public Path dir() {
            return properties.rulesDir();
        }

        @Override
        public String revisionName() {
            return "revision";
        }

        @Override
        public String describe(Set<String> paths) {
            return (paths.stream().allMatch(RuleTests::isRuleTest) ? "rule test scenarios " : "rules ")
                    + String.join(", ", paths);
        }

        @Override
        public String unreadable() {
            return "The rules do not compile";
        }

        @Override
        public String failingRuleTests() {
            return "A rule test scenario fails; nothing was published. Change its expectation in the same change set to"
                    + " accept the new answer on purpose.";
        }

        @Override
        public Map<String, String> liveFiles() {
            return RuleEditingService.this.liveFiles();
        }

        @Override
        public void checkPath(String path) {
            boolean ruleFile = path.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.(drl|drl\\.csv|dsl|dslr|json)");
            boolean inTests = path.startsWith(RuleTests.FOLDER);
            if (!path.equals(Attributes.FILE) && (!ruleFile || inTests != path.endsWith(".json"))) {
                throw new RefusedException("'" + path + "' is not a rule file (*.drl, *.drl.csv, *.dslr), a sentence"
                        + " vocabulary (*.dsl), a rule test"
                        + " (tests/*.json) or the attribute declarations (attributes.csv)");
            }
        }

        private record Ran(List<RuleTestResult> ruleTests, List<Impact> impact) {
        }

        /** The cell problems, each with the compiler's words about its row; then the compiler's other problems. */
        private static List<RuleProblem> withCells(List<RuleProblem> cells, List<RuleProblem> compiler) {
            List<RuleProblem> out = new ArrayList<>();
            for (RuleProblem c : cells) {
                String said = String.join("\n", compiler.stream().filter(p -> p.file().equals(c.file()) && p.line() == c.line())
                        .map(RuleProblem::toString).toList());
                out.add(said.isEmpty() ? c : c.withDetail(said));
            }
            compiler.stream().filter(p -> cells.stream().noneMatch(c -> c.file().equals(p.file()) && c.line() == p.line()))
                    .forEach(out::add);
            return out;
        }

        /** Overlaps and gaps of the changed decision tables, against the regions of the fact base. */
        @Override
        public List<RuleProblem> warnings(Map<String, String> merged, Set<String> changed) {
            List<RuleProblem> warnings = new ArrayList<>();
            for (String path : changed) {
                if (path.endsWith(".drl.csv") && merged.get(path) != null) {
                    warnings.addAll(DecisionTableChecks.check("rules/" + path, merged.get(path),
                            facts.get().regions().values()));
                }
            }
            return warnings;
        }

        @Override
        public Outcome<RuleBase> check(Map<String, String> merged, Set<String> changed, boolean withImpact,
                boolean testsOnDisk) {
            Map<String, String> ruleFiles = new TreeMap<>();
            Map<String, String> generated = new LinkedHashMap<>();
            merged.forEach((path, text) -> {
                if (RuleCompiler.isRuleSetFile(path) && !RuleTests.isRuleTest(path)) {
                    ruleFiles.put(path, text);
                    if ((path.endsWith(".drl.csv") || path.endsWith(".dslr")) && changed.contains(path)) {
                        try {
                            generated.put(path, RuleCompiler.ruleText(path, text, merged));
                        } catch (RuleBuildException e) {
                            generated.put(path, "cannot be turned into rule text: " + e.problems().get(0).message());
                        }
                    }
                }
            });
            // A cell that cannot mean what its column needs is named in plain words; the compiler's
            // text for the same row is kept one click away.
            List<RuleProblem> cells = new ArrayList<>();
            Set<String> factIds = new HashSet<>();
            facts.get().facts().forEach(f -> factIds.add(f.id()));
            for (String path : changed) {
                if (path.endsWith(".drl.csv") && ruleFiles.get(path) != null) {
                    cells.addAll(DecisionTableChecks.cellErrors("rules/" + path, ruleFiles.get(path),
                            facts.get().regions().values(), factIds));
                }
            }
            RuleBase candidate;
            try {
                candidate = RuleCompiler.compile(ruleFiles);
            } catch (RuleBuildException e) {
                return Outcome.refused(withCells(cells, e.problems()), generated);
            }
            if (!cells.isEmpty()) {
                return Outcome.refused(cells, generated);
            }
            Analyzer after = new Analyzer(candidate, properties.analysisBudget());
            List<SavedPlan> saved = withImpact ? plans.list() : List.of();
            Analyzer before = live.analyzer();
            FactBase facts = this.facts.get();
            // Unpublished rules run on their own threads, each analysis halted after its budget, and the
            // whole check abandoned after the candidate budget: a request never waits on them for ever.
            // The rule tests are those among the merged files: an outside edit brings its own.
            Future<Ran> run = candidates.submit(() -> new Ran(tests.run(merged, after, facts),
                    withImpact ? ImpactPreview.of(saved, before, facts, after, facts) : List.of()));
            Ran ran;
            try {
                ran = run.get(properties.candidateBudget().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                run.cancel(true);
                String why = e instanceof TimeoutException ? "the rule tests and the impact preview did not finish"
                        + " within " + properties.candidateBudget().toSeconds() + " s" : "the rules failed: " + e.getCause();
                return Outcome.refused(List.of(new RuleProblem("rules/", 0, 0, why + "; nothing was published")),
                        generated);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RefusedException("The check was interrupted; nothing was published.");
            }
            return new Outcome<>(List.of(), ran.ruleTests(), ran.impact(), generated, candidate);
        }

        @Override
        public void goLive(RuleBase candidate, Map<String, String> merged) {
            live.swapRules(candidate);
            tests.replace(merged);
        }
    }
}

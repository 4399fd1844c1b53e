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

import io.firstwall.analysis.Why;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Attributes;
import io.firstwall.plan.Levers;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleProblem;
import io.firstwall.ruletests.RuleTestResult;
import io.firstwall.ruletests.RuleTests;
import io.firstwall.system.AuditLog;
import io.firstwall.system.Durability;
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
    private final DraftSandbox sandbox;

    RuleEditingService(LiveAnalyzer live, FirstwallProperties properties, PlanStore plans, LiveRuleTests tests,
            JdbcClient jdbc, Clock clock, AuditLog audit, TransactionTemplate tx, DraftSandbox sandbox,
            Durability durability) {
        super(audit);
        this.sandbox = sandbox;
        this.live = live;
        this.properties = properties;
        this.plans = plans;
        this.tests = tests;
        this.pipeline = new PublishPipeline<>(new RuleFiles(live::facts, true), new RevisionStore(jdbc, clock,
                "rule_revision", "rule set"), live, audit, jdbc, tx, durability);
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
     * Why {@code plan} gets its answer from the live rules with {@code changes}, unpublished: traced in a
     * draft worker, under its CPU budget. A {@link RuleBuildException} when they do not compile, a
     * {@link RefusedException} when the trace was stopped or failed.
     */
    public List<Why.RuleWhy> whyDraft(Map<String, String> changes, SavedPlan plan) {
        Map<String, String> merged = new TreeMap<>(live.analyzer().rules().files());
        RuleFiles files = new RuleFiles(live::facts, true);
        changes.forEach((path, text) -> {
            FileSets.checkLength(path);
            files.checkPath(path);
            if (RuleCompiler.isRuleSetFile(path)) {
                merged.put(path, text);
            }
        });
        DraftCheck.Request request = new DraftCheck.Request("why", merged, List.copyOf(changes.keySet()),
                live.factFiles(), Map.of(), Map.of(), List.of(), false, properties.analysisBudget().toMillis(),
                properties.dataDir().toAbsolutePath().toString(), plan.json());
        DraftSandbox.Outcome ran = sandbox.run(request, properties.candidateBudget());
        if (ran.stopped() != null) {
            throw new RefusedException("The trace for " + plan.name() + " was stopped: " + ran.stopped() + ".");
        }
        if (!ran.reply().errors().isEmpty()) {
            throw new RuleBuildException(ran.reply().errors());
        }
        if (ran.reply().failure() != null) {
            throw new RefusedException("The rules compile, but the trace for " + plan.name() + " could not be made: "
                    + ran.reply().failure());
        }
        return ran.reply().trace();
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
        return pipeline.publish(ruleTests, liveVersion(), author, message, null, new RuleFiles(() -> facts, false)::check);
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
        /** Whether the rules may be unpublished ones, which run only in a draft worker. */
        private final boolean sandboxed;

        RuleFiles(Supplier<FactBase> facts, boolean sandboxed) {
            this.facts = facts;
            this.sandboxed = sandboxed;
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
            if (!path.equals(Attributes.FILE) && !path.equals(Levers.FILE) && (!ruleFile || inTests != path.endsWith(".json"))) {
                throw new RefusedException("'" + path + "' is not a rule file (*.drl, *.drl.csv, *.dslr), a sentence"
                        + " vocabulary (*.dsl), a rule test"
                        + " (tests/*.json), the attribute declarations (attributes.csv) or the levers (levers.csv)");
            }
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
            // The rule tests are those among the merged files: an outside edit brings its own.
            DraftCheck.Request request = new DraftCheck.Request("check", merged, List.copyOf(changed),
                    sandboxed ? live.factFiles() : Map.of(), live.analyzer().rules().files(), live.factFiles(),
                    withImpact ? plans.list().stream().map(p -> new DraftCheck.PlanRow(p.id(), p.name(), p.json())).toList()
                            : List.of(), withImpact, properties.analysisBudget().toMillis(),
                    properties.dataDir().toAbsolutePath().toString(), null);
            DraftCheck.Reply reply;
            if (sandboxed) {
                // Unpublished rules run in a worker process that is killed when they overrun its CPU
                // budget or its memory: a request never waits on them for ever, and no thread of the app
                // spins on after.
                DraftSandbox.Outcome ran = sandbox.run(request, properties.candidateBudget());
                if (ran.stopped() != null) {
                    return Outcome.refused(List.of(new RuleProblem("rules/", 0, 0, ran.stopped()
                            + "; nothing was published")), Map.of());
                }
                reply = ran.reply();
            } else {
                // The live rules with facts about to go live (the fact editor's new expectations): published
                // rules, run here under the analysis budget as every live analysis is.
                reply = new DraftCheck().check(request, facts.get(), live.facts());
            }
            if (reply.failure() != null) {
                return Outcome.refused(List.of(new RuleProblem("rules/", 0, 0, reply.failure() + "; nothing was published")),
                        reply.generated());
            }
            if (!reply.errors().isEmpty()) {
                return Outcome.refused(reply.errors(), reply.generated());
            }
            RuleBase candidate;
            try {
                // The same text the worker compiled and checked, compiled here to go live; no rule runs.
                candidate = RuleCompiler.compile(DraftCheck.ruleSet(merged));
            } catch (RuleBuildException e) {
                return Outcome.refused(e.problems(), reply.generated());
            }
            return new Outcome<>(List.of(), reply.ruleTests(), reply.impact(), reply.generated(), candidate);
        }

        /** A revision published on another node passed its checks there: it is only compiled here, no rule runs. */
        @Override
        public Outcome<RuleBase> followed(Map<String, String> merged, Set<String> changed) {
            try {
                return new Outcome<>(List.of(), List.of(), List.of(), Map.of(), RuleCompiler.compile(DraftCheck.ruleSet(merged)));
            } catch (RuleBuildException e) {
                return Outcome.refused(e.problems(), Map.of());
            }
        }

        @Override
        public void goLive(RuleBase candidate, Map<String, String> merged) {
            live.swapRules(candidate);
            tests.replace(merged);
        }
    }
}

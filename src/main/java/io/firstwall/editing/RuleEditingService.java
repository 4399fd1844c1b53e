package io.firstwall.editing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.firstwall.analysis.Analyzer;
import io.firstwall.facts.FactBase;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleProblem;
import io.firstwall.system.FirstwallProperties;
import io.firstwall.system.AuditLog;
import io.firstwall.system.LiveAnalyzer;

/**
 * Edits of {@code rules/}: a change set (path to new text; {@code null} deletes) is validated
 * (allowlist and compile, rule test scenarios, impact on every saved plan), then published
 * atomically: files written, a revision recorded, the live rule base swapped. A change set made on
 * a rule set that is no longer live is refused as a conflict, with what changed meanwhile.
 */
@Service
public class RuleEditingService {

    private final LiveAnalyzer live;
    private final FirstwallProperties properties;
    private final PlanStore plans;
    private final RevisionStore revisions;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    /** Runs unpublished rules, away from request threads; daemon threads, so a stuck one never blocks exit. */
    private final ExecutorService candidates = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "firstwall-candidate-rules");
        t.setDaemon(true);
        return t;
    });
    /** The live rule test scenarios; changed only by a publish or an adopted outside edit. */
    private volatile Map<String, String> testFiles;

    RuleEditingService(LiveAnalyzer live, FirstwallProperties properties, PlanStore plans, JdbcClient jdbc, Clock clock,
            AuditLog audit, TransactionTemplate tx) {
        this.live = live;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.plans = plans;
        this.revisions = new RevisionStore(jdbc, clock, "rule_revision", "rule set");
        this.audit = audit;
        this.testFiles = readTests(properties.rulesDir());
        revisions.recordStart(liveFiles(), "rules/");
    }

    /** The live rule files and test scenarios, path to text. */
    public Map<String, String> liveFiles() {
        Map<String, String> files = new TreeMap<>(live.analyzer().rules().files());
        files.putAll(testFiles);
        return files;
    }

    static Map<String, String> readTests(Path rulesDir) {
        Map<String, String> tests = new TreeMap<>();
        Path dir = rulesDir.resolve("tests");
        if (!Files.isDirectory(dir)) {
            return tests;
        }
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                tests.put("tests/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tests;
    }

    private static Map<String, String> testsOf(Map<String, String> files) {
        Map<String, String> tests = new TreeMap<>();
        files.forEach((p, t) -> {
            if (p.startsWith("tests/")) {
                tests.put(p, t);
            }
        });
        return tests;
    }

    /** The version of a whole file set (rules and scenarios). */
    public static String version(Map<String, String> files) {
        return FileSets.version(files);
    }

    public String liveVersion() {
        return version(liveFiles());
    }

    private static void checkPaths(Map<String, String> changes) {
        for (String path : changes.keySet()) {
            FileSets.checkLength(path);
            if (!path.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.(drl|drl\\.csv|json)")
                    || (path.endsWith(".json") && !path.startsWith("tests/"))
                    || (path.startsWith("tests/") && !path.endsWith(".json"))) {
                throw new RefusedException("'" + path + "' is not a rule file (*.drl, *.drl.csv) or a rule test"
                        + " scenario (tests/*.json)");
            }
        }
    }

    public Validation validate(Map<String, String> changes) {
        return check(changes, true, live.facts()).validation();
    }

    private record Candidate(List<ScenarioRunner.Result> scenarios, List<Impact> impact) {
    }

    /** Stops the threads that run unpublished rules. */
    @PreDestroy
    void stop() {
        candidates.shutdownNow();
    }

    /** A checked change set: its validation, and when it compiles, the rule base it builds. */
    private record Checked(Validation validation, RuleBase candidate, Map<String, String> merged) {
    }

    /** Checks a change set once; publishing reuses the rule base built here instead of compiling again. */
    private Checked check(Map<String, String> changes, boolean withImpact, FactBase facts) {
        checkPaths(changes);
        Map<String, String> live = liveFiles();
        Map<String, String> merged = FileSets.apply(live, changes);
        Map<String, List<LineDiff.Line>> diff = FileSets.diff(live, merged, changes.keySet());
        Map<String, String> ruleFiles = new TreeMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        merged.forEach((path, text) -> {
            if (RuleCompiler.isRuleFile(path) && !path.startsWith("tests/")) {
                ruleFiles.put(path, text);
                if (path.endsWith(".drl.csv") && changes.containsKey(path)) {
                    try {
                        generated.put(path, RuleCompiler.generatedDrl(text));
                    } catch (RuntimeException e) {
                        generated.put(path, "cannot be read as a decision table: " + e.getMessage());
                    }
                }
            }
        });
        RuleBase candidate;
        try {
            candidate = RuleCompiler.compile(ruleFiles);
        } catch (RuleBuildException e) {
            return new Checked(new Validation(false, version(live), e.problems(), List.of(), List.of(), generated, diff), null,
                    merged);
        }
        Analyzer after = new Analyzer(candidate, properties.analysisBudget());
        List<SavedPlan> saved = withImpact ? plans.list() : List.of();
        Analyzer before = this.live.analyzer();
        // Unpublished rules run on their own threads, each analysis halted after its budget, and the
        // whole check abandoned after the candidate budget: a request never waits on them for ever.
        Future<Candidate> run = candidates.submit(() -> new Candidate(
                ScenarioRunner.run(merged, after, facts, properties.dataDir()),
                withImpact ? ImpactPreview.of(saved, before, facts, after, facts) : List.of()));
        Candidate ran;
        try {
            ran = run.get(properties.candidateBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            run.cancel(true);
            String why = e instanceof TimeoutException ? "the rule test scenarios and the impact preview did not finish within "
                    + properties.candidateBudget().toSeconds() + " s" : "the rules failed: " + e.getCause();
            return new Checked(new Validation(false, version(live), List.of(new RuleProblem("rules/", 0, 0, why
                    + "; nothing was published")), List.of(), List.of(), generated, diff), null, merged);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefusedException("The check was interrupted; nothing was published.");
        }
        List<ScenarioRunner.Result> scenarios = ran.scenarios();
        List<Impact> impact = ran.impact();
        boolean ok = scenarios.stream().allMatch(ScenarioRunner.Result::passed);
        return new Checked(new Validation(ok, version(live), List.of(), scenarios, impact, generated, diff), candidate,
                merged);
    }

    /** Makes a checked change set the live one: rule base swapped, scenarios kept. */
    private void goLive(Checked checked) {
        live.swapRules(checked.candidate());
        testFiles = testsOf(checked.merged());
    }

    /**
     * Publishes a change set made on {@code baseVersion}. Refused, with nothing changed, when the
     * base is no longer live (a conflict), when the rules do not compile or pass the allowlist, or
     * when a rule test scenario fails (change the scenario's expectation in the same change set to
     * accept the new answer on purpose).
     */
    public synchronized Revision publish(Map<String, String> changes, String baseVersion, String author, String message) {
        return live.withPriority(() -> publishNow(changes, baseVersion, author, message));
    }

    private Revision publishNow(Map<String, String> changes, String baseVersion, String author, String message) {
        if (message == null || message.isBlank()) {
            throw new RefusedException("Say why: a publish needs a message.");
        }
        JournaledPublish.checkMessage(message);
        changes.keySet().forEach(FileSets::checkLength);
        String liveVersion = liveVersion();
        if (!liveVersion.equals(baseVersion)) {
            throw revisions.conflict(baseVersion, liveVersion, liveFiles(), changes.keySet());
        }
        Checked checked = check(changes, false, live.facts());
        Validation validation = checked.validation();
        if (!validation.errors().isEmpty()) {
            throw new RefusedException("The rules do not compile; nothing was published.", validation, Map.of());
        }
        if (!validation.scenariosPass()) {
            throw new RefusedException("A rule test scenario fails; nothing was published. Change its expectation in"
                    + " the same change set to accept the new answer on purpose.", validation, Map.of());
        }
        return JournaledPublish.run(properties.rulesDir(), revisions, jdbc, tx, changes, liveFiles(), publishId -> {
            Revision revision = revisions.record(author, message, "publish", checked.merged(), publishId);
            audit.record(author, "publish", "rules " + String.join(", ", changes.keySet()) + " \u2192 revision "
                    + revision.id(), message);
            return revision;
        }, () -> goLive(checked));
    }

    /**
     * Adopts files already changed on disk by someone outside firstwall, after the same checks as a
     * publish; nothing is written. Null when the files on disk are already live (a publish wrote them).
     */
    public synchronized Revision adoptExternal(Map<String, String> changes) {
        Map<String, String> current = liveFiles();
        changes = new TreeMap<>(changes);
        changes.entrySet().removeIf(e -> java.util.Objects.equals(current.get(e.getKey()), e.getValue()));
        if (changes.isEmpty()) {
            return null;
        }
        Checked checked = check(changes, false, live.facts());
        Validation validation = checked.validation();
        if (!validation.errors().isEmpty() || !validation.scenariosPass()) {
            audit.record("external edit", "rejected", "rules " + String.join(", ", changes.keySet()),
                    validation.errors().isEmpty() ? "a rule test scenario fails" : "the rules do not compile");
            throw new RefusedException(validation.errors().isEmpty() ? "A rule test scenario fails."
                    : "The rules do not compile.", validation, Map.of());
        }
        goLive(checked);
        Revision revision = revisions.record("external edit", "picked up from rules/ on disk", "external",
                checked.merged());
        audit.record("external edit", "publish", "rules " + String.join(", ", changes.keySet()) + " \u2192 revision "
                + revision.id(), "edited outside firstwall");
        return revision;
    }

    /**
     * Publishes new expectations for rule test scenarios that a fact change about to go live
     * answers differently; they are checked against those facts, not the live ones. Called by the
     * fact editor after the expert accepted the new answers on purpose.
     */
    synchronized Revision publishScenarios(Map<String, String> scenarios, FactBase facts, String author, String message) {
        Checked checked = check(scenarios, false, facts);
        if (!checked.validation().errors().isEmpty() || !checked.validation().scenariosPass()) {
            throw new RefusedException("The updated rule test scenarios do not pass with the new facts.",
                    checked.validation(), Map.of());
        }
        return JournaledPublish.run(properties.rulesDir(), revisions, jdbc, tx, scenarios, liveFiles(), publishId -> {
            Revision revision = revisions.record(author, message, "publish", checked.merged(), publishId);
            audit.record(author, "publish", "rule test scenarios " + String.join(", ", scenarios.keySet())
                    + " \u2192 revision " + revision.id(), message);
            return revision;
        }, () -> testFiles = testsOf(checked.merged()));
    }

    /**
     * Scenario results of the live rules against other facts: with the live scenarios, or with those
     * on disk (an outside edit may bring new facts and new expectations together).
     */
    List<ScenarioRunner.Result> scenarios(FactBase facts, boolean asOnDisk) {
        return ScenarioRunner.run(asOnDisk ? readTests(properties.rulesDir()) : liveFiles(), live.analyzer(), facts,
                properties.dataDir());
    }

    public Revision revert(long revisionId, String author, String message) {
        JournaledPublish.checkMessage(message);
        Map<String, String> changes = revisions.changesBackTo(revisionId, liveFiles());
        return publish(changes, liveVersion(), author, "revert to revision " + revisionId + ": " + message);
    }

    public List<Revision> revisions() {
        return revisions.revisions();
    }

    public Map<String, String> files(long revisionId) {
        return revisions.files(revisionId);
    }

    /** The line diff of every file that differs between two revisions (rows, for decision tables). */
    public Map<String, List<LineDiff.Line>> diff(long fromId, long toId) {
        return revisions.diff(fromId, toId);
    }

    /** The revisions in which one file changed, newest first, with the lines each changed. */
    public List<RevisionStore.FileChange> history(String path) {
        return revisions.history(path);
    }

    public List<Map<String, Object>> auditLog() {
        return audit.entries();
    }
}

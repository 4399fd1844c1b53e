package io.firstwall.editing;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.facts.FactLoadException;
import io.firstwall.system.FactStore;
import io.firstwall.system.NotFoundException;
import io.firstwall.plans.PlanStore;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleProblem;
import io.firstwall.system.FirstwallProperties;
import io.firstwall.system.AuditLog;
import io.firstwall.system.LiveAnalyzer;

/**
 * Edits of the fact base ({@code data/facts/*.csv}, {@code data/regions.csv},
 * {@code data/accelerators.csv}), the same way rules are edited: a change set (path to new CSV text;
 * {@code null} deletes) is validated (every row read and checked, every fact the rules use still
 * there, rule test scenarios, impact on every saved plan), then published atomically: files
 * written, H2 reloaded in one transaction, the live fact base swapped, a revision recorded.
 */
@Service
public class FactEditingService {

    /** How rules name the facts they read: {@code facts.get("id")}. */
    private static final Pattern FACT_USE = Pattern.compile("facts\\.get\\(\\s*\"([^\"]+)\"\\s*\\)");
    /** A fact id built at run time: {@code facts.get(("turbine." + turbineKind($p) + ".unit_mw"))}. */
    private static final Pattern FACT_FAMILY = Pattern.compile("facts\\.get\\(\\(?\\s*\"([^\"]+)\"\\s*\\+[^\";\\n]*(?:\"([^\"]*)\")?");
    private static final Pattern PROBLEM = Pattern.compile("^([^:]+?)(?::(\\d+))?: (.*)$", Pattern.DOTALL);

    private final LiveAnalyzer live;
    private final FirstwallProperties properties;
    private final PlanStore plans;
    private final FactStore store;
    private final RuleEditingService rules;
    private final RevisionStore revisions;
    private final AuditLog audit;
    /** The live fact files, path under the data directory to text; changed only by a publish. */
    private volatile Map<String, String> liveFiles;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    FactEditingService(LiveAnalyzer live, FirstwallProperties properties, PlanStore plans, FactStore store,
            RuleEditingService rules, JdbcClient jdbc, Clock clock, AuditLog audit, TransactionTemplate tx) {
        this.live = live;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.plans = plans;
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.revisions = new RevisionStore(jdbc, clock, "fact_revision", "fact base");
        this.liveFiles = live.factFilesAtStart();
        revisions.recordStart(liveFiles, "data/");
    }

    public Map<String, String> liveFiles() {
        return new TreeMap<>(liveFiles);
    }

    public String liveVersion() {
        return FileSets.version(liveFiles);
    }

    /** A checked change set: its validation and, when it reads, the fact base it makes. */
    private record Checked(Validation validation, FactBase candidate, Map<String, String> merged) {
    }

    /** Fact files as Excel saves them start with a byte-order mark; it is not part of the text. */
    private static Map<String, String> withoutByteOrderMarks(Map<String, String> changes) {
        Map<String, String> clean = new TreeMap<>();
        changes.forEach((path, text) -> clean.put(path, FactCsvReader.withoutByteOrderMark(text)));
        return clean;
    }

    public Validation validate(Map<String, String> changes) {
        changes = withoutByteOrderMarks(changes);
        return check(changes, true, false).validation();
    }

    /**
     * Checks a change set once. The rule test scenarios are the live ones, or, for an edit made
     * outside firstwall, those on disk (a git pull may bring new facts and new expectations together).
     */
    private Checked check(Map<String, String> changes, boolean withImpact, boolean scenariosOnDisk) {
        for (String path : changes.keySet()) {
            FileSets.checkLength(path);
            if (!FactCsvReader.isFactFile(path)) {
                throw new RefusedException("'" + path + "' is not a fact file (facts/NAME.csv, regions.csv or"
                        + " accelerators.csv)");
            }
        }
        Map<String, String> before = liveFiles;
        Map<String, String> merged = FileSets.apply(before, changes);
        Map<String, List<LineDiff.Line>> diff = FileSets.diff(before, merged, changes.keySet());
        List<RuleProblem> errors = new ArrayList<>();
        FactBase candidate = null;
        try {
            candidate = FactCsvReader.read(merged);
            errors.addAll(factsTheRulesNeed(candidate));
        } catch (FactLoadException e) {
            e.problems().forEach(p -> errors.add(problem(p)));
        }
        String base = FileSets.version(before);
        if (!errors.isEmpty()) {
            return new Checked(new Validation(false, base, errors, List.of(), List.of(), Map.of(), diff), null, merged);
        }
        List<ScenarioRunner.Result> scenarios = rules.scenarios(candidate, scenariosOnDisk);
        List<Impact> impact = withImpact
                ? ImpactPreview.of(plans.list(), live.analyzer(), live.facts(), live.analyzer(), candidate) : List.of();
        boolean ok = scenarios.stream().allMatch(ScenarioRunner.Result::passed);
        return new Checked(new Validation(ok, base, List.of(), scenarios, impact, Map.of(), diff), candidate, merged);
    }

    /**
     * Every fact a live rule reads must still exist; a rule without its fact would fail every
     * analysis. Decision tables are read as the DRL they generate, so a fact named in a cell counts.
     */
    private List<RuleProblem> factsTheRulesNeed(FactBase candidate) {
        List<RuleProblem> missing = new ArrayList<>();
        live.analyzer().rules().files().forEach((path, file) -> {
            String text = path.endsWith(".drl.csv") ? RuleCompiler.generatedDrl(file) : file;
            Matcher m = FACT_USE.matcher(text);
            TreeSet<String> ids = new TreeSet<>();
            while (m.find()) {
                ids.add(m.group(1));
            }
            ids.stream().filter(id -> candidate.fact(id).isEmpty()).forEach(id -> missing.add(new RuleProblem(
                    "rules/" + path, 0, 0, "uses fact '" + id + "', which this change removes; change the rule first")));
            Matcher family = FACT_FAMILY.matcher(text);
            while (family.find()) {
                String suffix = family.group(2) == null ? "" : family.group(2);
                // ids.add: a fact already reported (read by name, or by another family) is reported once.
                for (var fact : live.facts().facts()) {
                    String id = fact.id();
                    if (id.startsWith(family.group(1)) && id.endsWith(suffix)
                            && id.length() > family.group(1).length() + suffix.length() && candidate.fact(id).isEmpty()
                            && ids.add(id)) {
                        missing.add(new RuleProblem("rules/" + path, 0, 0, "reads facts named " + family.group(1)
                                + "<...>" + suffix + " (one per region, accelerator or type); this change removes '" + id
                                + "', so plans that need it could no longer be analysed; change the rule first"));
                    }
                }
            }
        });
        return missing;
    }

    private static RuleProblem problem(String text) {
        Matcher m = PROBLEM.matcher(text);
        if (m.matches() && !m.group(1).contains(" ")) {
            return new RuleProblem(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)), 0, m.group(3));
        }
        return new RuleProblem("data", 0, 0, text);
    }

    /**
     * Publishes a change set made on {@code baseVersion}. Refused, with nothing changed, when the
     * base is no longer live (a conflict), when a file does not read, when a fact the rules use
     * would be gone, or when a rule test scenario answers differently. With
     * {@code acceptNewAnswers} the expert says the new answers are right: the failing scenarios'
     * expectations are updated to them, as a rule revision, in the same step.
     */
    public synchronized Revision publish(Map<String, String> submitted, String baseVersion, String author,
            String message, boolean acceptNewAnswers) {
        return live.withPriority(() -> publishNow(submitted, baseVersion, author, message, acceptNewAnswers));
    }

    private Revision publishNow(Map<String, String> submitted, String baseVersion, String author,
            String message, boolean acceptNewAnswers) {
        Map<String, String> changes = withoutByteOrderMarks(submitted);
        if (message == null || message.isBlank()) {
            throw new RefusedException("Say why: a publish needs a message (where the new figure comes from).");
        }
        JournaledPublish.checkMessage(message);
        changes.keySet().forEach(FileSets::checkLength);
        String liveVersion = liveVersion();
        if (!liveVersion.equals(baseVersion)) {
            throw revisions.conflict(baseVersion, liveVersion, liveFiles, changes.keySet());
        }
        Checked checked = check(changes, false, false);
        Validation validation = checked.validation();
        if (!validation.errors().isEmpty()) {
            throw new RefusedException("The facts do not read; nothing was published.", validation, Map.of());
        }
        Map<String, String> scenarioUpdates = new TreeMap<>();
        if (!validation.scenariosPass()) {
            if (!acceptNewAnswers) {
                throw new RefusedException("A rule test scenario answers differently with these facts; nothing was"
                        + " published. If the new answer is right, tick \u201caccept the new answers\u201d to update"
                        + " the scenario's expectation with this publish.", validation, Map.of());
            }
            Map<String, String> ruleFiles = rules.liveFiles();
            for (ScenarioRunner.Result failed : validation.scenarios()) {
                if (!failed.passed()) {
                    try {
                        scenarioUpdates.put(failed.file(), ScenarioRunner.withNewExpectation(ruleFiles.get(failed.file()),
                                live.analyzer(), checked.candidate(), properties.dataDir()));
                    } catch (IOException | RuntimeException e) {
                        throw new RefusedException("The rule test scenario " + failed.file() + " cannot run with these"
                                + " facts (" + e.getMessage() + "); nothing was published.", validation, Map.of());
                    }
                }
            }
        }
        Revision revision = JournaledPublish.run(properties.dataDir(), revisions, jdbc, tx, changes, liveFiles,
                publishId -> {
                    store.replaceAll(checked.candidate());
                    Revision r = revisions.record(author, message, "publish", checked.merged(), publishId);
                    audit.record(author, "publish", "facts " + String.join(", ", changes.keySet())
                            + " \u2192 fact revision " + r.id(), message);
                    return r;
                }, () -> swapLive(checked));
        if (!scenarioUpdates.isEmpty()) {
            rules.publishScenarios(scenarioUpdates, checked.candidate(), author,
                    "new expectations accepted with fact revision " + revision.id() + ": " + message);
        }
        return revision;
    }

    /** Makes a checked fact base live: H2 reloaded in one transaction, then the analyzer's facts swapped. */
    private void goLive(Checked checked) {
        store.replaceAll(checked.candidate());
        swapLive(checked);
    }

    /** The fact base already in H2 becomes the analyzer's. */
    private void swapLive(Checked checked) {
        live.swapFacts(store.load());
        liveFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(checked.merged()));
    }

    /**
     * Adopts fact files already changed on disk by someone outside firstwall, after the same checks
     * as a publish (scenarios as on disk); nothing is written. Null when the files on disk are
     * already live (a publish wrote them).
     */
    public synchronized Revision adoptExternal(Map<String, String> changes) {
        changes = withoutByteOrderMarks(changes);
        Map<String, String> current = liveFiles;
        changes = new TreeMap<>(changes);
        changes.entrySet().removeIf(e -> java.util.Objects.equals(current.get(e.getKey()), e.getValue()));
        if (changes.isEmpty()) {
            return null;
        }
        Checked checked = check(changes, false, true);
        Validation validation = checked.validation();
        if (!validation.errors().isEmpty() || !validation.scenariosPass()) {
            String why = validation.errors().isEmpty() ? "a rule test scenario answers differently"
                    : "the facts do not read";
            audit.record("external edit", "rejected", "facts " + String.join(", ", changes.keySet()), why);
            throw new RefusedException("Rejected: " + why + ".", validation, Map.of());
        }
        goLive(checked);
        Revision revision = revisions.record("external edit", "picked up from data/ on disk", "external",
                checked.merged());
        audit.record("external edit", "publish", "facts " + String.join(", ", changes.keySet()) + " \u2192 fact revision "
                + revision.id(), "edited outside firstwall");
        return revision;
    }

    public Revision revert(long revisionId, String author, String message, boolean acceptNewAnswers) {
        Map<String, String> changes = revisions.changesBackTo(revisionId, liveFiles);
        return publish(changes, liveVersion(), author, "revert to fact revision " + revisionId + ": " + message,
                acceptNewAnswers);
    }

    /** The change set that sets one fact's row (a new id is added to {@code file}). */
    public Map<String, String> setFact(String file, String originalId, List<String> fields) {
        Map<String, String> files = liveFiles;
        FactRows.Row existing = originalId == null || originalId.isBlank() ? null
                : FactRows.find(files, originalId).orElseThrow(() -> new NotFoundException("There is no fact "
                        + originalId + "."));
        if (existing != null) {
            return Map.of(existing.file(), FactRows.replace(files.get(existing.file()), existing.line(), fields));
        }
        if (!FactCsvReader.isFactFile(file) || !file.startsWith("facts/")) {
            throw new RefusedException("'" + file + "' is not a facts file (facts/NAME.csv)");
        }
        return Map.of(file, FactRows.append(files.get(file), fields));
    }

    /** The change set that removes one fact. */
    public Map<String, String> removeFact(String id) {
        FactRows.Row row = FactRows.find(liveFiles, id)
                .orElseThrow(() -> new NotFoundException("There is no fact " + id + "."));
        return Map.of(row.file(), FactRows.remove(liveFiles.get(row.file()), row.line()));
    }

    /** The rows of the live facts files, as text, with the file each is in. */
    public List<FactRows.Row> rows() {
        return FactRows.all(liveFiles);
    }

    public List<Revision> revisions() {
        return revisions.revisions();
    }

    public Map<String, String> files(long revisionId) {
        return revisions.files(revisionId);
    }

    public Map<String, List<LineDiff.Line>> diff(long fromId, long toId) {
        return revisions.diff(fromId, toId);
    }

    public List<Map<String, Object>> auditLog() {
        return audit.entries();
    }

    /** The revisions that changed one fact's row, newest first, with only that row's lines. */
    public List<RevisionStore.FileChange> factHistory(String file, String id) {
        List<RevisionStore.FileChange> out = new ArrayList<>();
        for (RevisionStore.FileChange change : revisions.history(file)) {
            List<LineDiff.Line> lines = change.lines().stream().filter(l -> l.text().startsWith(id + ",")).toList();
            if (!lines.isEmpty()) {
                out.add(new RevisionStore.FileChange(change.revision(), lines));
            }
        }
        return out;
    }

    public List<RevisionStore.FileChange> history(String path) {
        return revisions.history(path);
    }
}

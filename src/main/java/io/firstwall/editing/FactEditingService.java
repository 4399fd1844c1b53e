package io.firstwall.editing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.firstwall.facts.FactBase;
import io.firstwall.facts.Staleness;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.facts.FactLoadException;
import io.firstwall.system.FactStore;
import io.firstwall.system.NotFoundException;
import io.firstwall.plans.PlanStore;
import io.firstwall.ruletests.RuleTestResult;
import io.firstwall.ruletests.RuleTests;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleProblem;
import io.firstwall.system.FirstwallProperties;
import io.firstwall.system.AuditLog;
import io.firstwall.system.Durability;
import io.firstwall.system.LiveAnalyzer;

/**
 * Edits of the fact base ({@code data/facts/*.csv}, {@code data/regions.csv},
 * {@code data/accelerators.csv}), the same way rules are edited: a change set (path to new CSV text;
 * {@code null} deletes) is validated (every row read and checked, every fact the rules use still
 * there, rule tests, impact on every saved plan), then published atomically: files
 * written, H2 reloaded in one transaction, the live fact base swapped, a revision recorded.
 */
@Service
public class FactEditingService extends Editor<FactBase> {

    /** How rules name the facts they read: {@code facts.get("id")}. */
    private static final Pattern FACT_USE = Pattern.compile("facts\\.(?:get|at)\\(\\s*\"([^\"]+)\"\\s*[,)]");
    /** A fact id built at run time: {@code facts.get(("turbine." + turbineKind($p) + ".unit_mw"))}. */
    private static final Pattern FACT_FAMILY = Pattern.compile("facts\\.(?:get|at)\\(\\(?\\s*\"([^\"]+)\"\\s*\\+[^\";\\n]*(?:\"([^\"]*)\")?");
    private static final Pattern PROBLEM = Pattern.compile("^([^:]+?)(?::(\\d+))?: (.*)$", Pattern.DOTALL);

    private final LiveAnalyzer live;
    private final FirstwallProperties properties;
    private final PlanStore plans;
    private final FactStore store;
    private final RuleEditingService rules;
    private final LiveRuleTests ruleTests;
    private final PublishPipeline<FactBase> pipeline;
    private final Clock clock;
    /** The live fact files, path under the data directory to text; changed only by a publish. */
    private volatile Map<String, String> liveFiles;

    FactEditingService(LiveAnalyzer live, FirstwallProperties properties, PlanStore plans, FactStore store,
            RuleEditingService rules, LiveRuleTests ruleTests, JdbcClient jdbc, Clock clock, AuditLog audit,
            TransactionTemplate tx, Durability durability) {
        super(audit);
        this.live = live;
        this.properties = properties;
        this.plans = plans;
        this.store = store;
        this.rules = rules;
        this.ruleTests = ruleTests;
        this.clock = clock;
        this.liveFiles = live.factFilesAtStart();
        this.pipeline = new PublishPipeline<>(new FactFiles(), new RevisionStore(jdbc, clock, "fact_revision",
                "fact base"), live, audit, jdbc, tx, durability);
    }

    /** The live facts a reviewer should check today ({@link Staleness}), id to why, in order. */
    public Map<String, String> toCheck() {
        Map<String, String> found = new LinkedHashMap<>();
        Staleness.of(live.facts(), LocalDate.now(clock)).forEach(s -> found.put(s.id(), s.why()));
        return found;
    }

    @Override
    PublishPipeline<FactBase> pipeline() {
        return pipeline;
    }

    @Override
    public Map<String, String> liveFiles() {
        return new TreeMap<>(liveFiles);
    }

    /**
     * Every fact a live rule reads must still exist; a rule without its fact would fail every
     * analysis. Decision tables are read as the DRL they generate, so a fact named in a cell counts.
     */
    private List<RuleProblem> factsTheRulesNeed(FactBase candidate) {
        List<RuleProblem> missing = new ArrayList<>();
        Map<String, String> files = live.analyzer().rules().files();
        files.forEach((path, file) -> {
            if (!RuleCompiler.isRuleFile(path)) {
                return;
            }
            String text = RuleCompiler.ruleText(path, file, files);
            Matcher m = FACT_USE.matcher(text);
            TreeSet<String> ids = new TreeSet<>();
            while (m.find()) {
                ids.add(m.group(1));
            }
            ids.stream().filter(id -> candidate.fact(id).isEmpty() && candidate.points(id).isEmpty()).forEach(id -> missing.add(new RuleProblem(
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
     * would be gone, or when a rule test answers differently. With {@code acceptNewAnswers} the
     * expert says the new answers are right: the failing rule tests' expectations are updated to
     * them, as a rule revision, right after.
     */
    public Revision publish(Map<String, String> changes, String baseVersion, String author, String message,
            boolean acceptNewAnswers) {
        return pipeline.publish(changes, baseVersion, author, message, acceptNewAnswers ? newAnswers(author, message) : null);
    }

    /**
     * The new expectations of the failing rule tests, computed before anything is written (a test
     * that cannot run refuses the publish), and published as a rule revision once the facts are live.
     */
    private PublishPipeline.NewAnswers<FactBase> newAnswers(String author, String message) {
        return checked -> {
            Map<String, String> updates = new TreeMap<>();
            Map<String, String> testFiles = ruleTests.files();
            for (RuleTestResult failed : checked.validation().ruleTests()) {
                if (!failed.passed()) {
                    try {
                        updates.put(failed.file(), RuleTests.withNewExpectation(testFiles.get(failed.file()),
                                live.analyzer(), checked.candidate(), properties.dataDir()));
                    } catch (IOException | RuntimeException e) {
                        throw new RefusedException("The rule test " + failed.file() + " cannot run with these facts ("
                                + e.getMessage() + "); nothing was published.", checked.validation(), Map.of());
                    }
                }
            }
            return revision -> rules.publishRuleTests(updates, checked.candidate(), author,
                    "new expectations accepted with fact revision " + revision.id() + ": " + message);
        };
    }

    public Revision revert(long revisionId, String author, String message, boolean acceptNewAnswers) {
        return pipeline.revert(revisionId, author, message, acceptNewAnswers ? newAnswers(author, message) : null);
    }

    /** A revert as reviewed on {@code baseVersion} (see {@link #reviewRevert}). */
    public Revision revert(long revisionId, String baseVersion, String author, String message, boolean acceptNewAnswers) {
        return pipeline.revert(revisionId, baseVersion, author, message, acceptNewAnswers ? newAnswers(author, message) : null);
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

    /** The revisions that changed one fact's row, newest first, with only that row's lines. */
    public List<RevisionStore.FileChange> factHistory(String file, String id) {
        return pipeline.history(file, line -> line.text().startsWith(id + ","));
    }

    /** The fact files as edited files: read and checked by the fact reader, stored in the database, swapped live. */
    private final class FactFiles implements EditedFiles<FactBase> {

        @Override
        public String folder() {
            return "data/";
        }

        @Override
        public Path dir() {
            return properties.dataDir();
        }

        @Override
        public String revisionName() {
            return "fact revision";
        }

        @Override
        public String describe(Set<String> paths) {
            return "facts " + String.join(", ", paths);
        }

        @Override
        public String unreadable() {
            return "The facts do not read";
        }

        @Override
        public String failingRuleTests() {
            return "A rule test answers differently with these facts; nothing was published. If the new answer is"
                    + " right, tick \u201caccept the new answers\u201d to update the test's expectation with this publish.";
        }

        @Override
        public Map<String, String> liveFiles() {
            return liveFiles;
        }

        /** Fact files as Excel saves them start with a byte-order mark; it is not part of the text. */
        @Override
        public Map<String, String> normalized(Map<String, String> changes) {
            Map<String, String> clean = new TreeMap<>();
            changes.forEach((path, text) -> clean.put(path, FactCsvReader.withoutByteOrderMark(text)));
            return clean;
        }

        @Override
        public void checkPath(String path) {
            if (!FactCsvReader.isFactFile(path)) {
                throw new RefusedException("'" + path + "' is not a fact file (facts/NAME.csv, regions.csv or"
                        + " accelerators.csv)");
            }
        }

        @Override
        public Outcome<FactBase> check(Map<String, String> merged, Set<String> changed, boolean withImpact,
                boolean testsOnDisk) {
            List<RuleProblem> errors = new ArrayList<>();
            FactBase candidate = null;
            try {
                candidate = FactCsvReader.read(merged);
                errors.addAll(factsTheRulesNeed(candidate));
            } catch (FactLoadException e) {
                e.problems().forEach(p -> errors.add(problem(p)));
            }
            if (!errors.isEmpty()) {
                return Outcome.refused(errors, Map.of());
            }
            List<RuleTestResult> results = ruleTests.run(live.analyzer(), candidate, testsOnDisk);
            List<Impact> impact = withImpact
                    ? ImpactPreview.of(plans.list(), live.analyzer(), live.facts(), live.analyzer(), candidate) : List.of();
            return new Outcome<>(List.of(), results, impact, Map.of(), candidate);
        }

        @Override
        public void store(FactBase candidate) {
            store.replaceAll(candidate);
        }

        /** The fact base just stored in the database becomes the analyzer's. */
        @Override
        public void goLive(FactBase candidate, Map<String, String> merged) {
            live.swapFacts(store.load(), merged);
            liveFiles = Collections.unmodifiableMap(new TreeMap<>(merged));
        }
    }
}

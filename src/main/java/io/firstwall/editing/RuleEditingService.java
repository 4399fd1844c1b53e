package io.firstwall.editing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Json;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanStore;
import io.firstwall.plan.SavedPlan;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleProblem;
import io.firstwall.system.FirstwallProperties;
import io.firstwall.system.LiveAnalyzer;
import tools.jackson.core.type.TypeReference;

/**
 * Edits of {@code rules/}: a change set (path to new text; {@code null} deletes) is validated
 * (allowlist and compile, rule test scenarios, impact on every saved plan), then published
 * atomically: files written, a revision recorded, the live rule base swapped. A change set made on
 * a rule set that is no longer live is refused as a conflict, with what changed meanwhile.
 */
@Service
public class RuleEditingService {

    private static final Logger log = LoggerFactory.getLogger(RuleEditingService.class);
    private static final TypeReference<TreeMap<String, String>> FILES = new TypeReference<>() {
    };

    /** A plan's first wall before and after an edit. */
    public record Impact(long planId, String name, String before, String after, boolean changed) {
    }

    /** Everything an expert sees before publishing. */
    public record Validation(boolean ok, String baseVersion, List<RuleProblem> errors,
            List<ScenarioRunner.Result> scenarios, List<Impact> impact, Map<String, String> generatedDrl) {

        public boolean scenariosPass() {
            return scenarios.stream().allMatch(ScenarioRunner.Result::passed);
        }
    }

    /** A recorded rule set. */
    public record Revision(long id, Instant createdAt, String author, String message, String kind, String version) {
    }

    /** A publish that could not go through; the live rule set is untouched. */
    public static class RefusedException extends RuntimeException {
        private final transient Validation validation;
        private final transient Map<String, List<LineDiff.Line>> conflict;

        RefusedException(String message, Validation validation, Map<String, List<LineDiff.Line>> conflict) {
            super(message);
            this.validation = validation;
            this.conflict = conflict;
        }

        public Validation validation() {
            return validation;
        }

        public Map<String, List<LineDiff.Line>> conflict() {
            return conflict;
        }
    }

    private final LiveAnalyzer live;
    private final FirstwallProperties properties;
    private final PlanStore plans;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** The live rule test scenarios; changed only by a publish or an adopted outside edit. */
    private volatile Map<String, String> testFiles;

    RuleEditingService(LiveAnalyzer live, FirstwallProperties properties, PlanStore plans, JdbcClient jdbc, Clock clock) {
        this.live = live;
        this.properties = properties;
        this.plans = plans;
        this.jdbc = jdbc;
        this.clock = clock;
        this.testFiles = readTests(properties.rulesDir());
        Map<String, String> files = liveFiles();
        Revision latest = revisions().stream().findFirst().orElse(null);
        if (latest == null) {
            record("system", "the rule set as found when firstwall first started", "initial", files);
        } else if (!latest.version().equals(RuleEditingService.version(files))) {
            record("system", "rules/ was changed outside firstwall while it was stopped", "external", files);
        }
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
        return io.firstwall.system.Hashes.of(Json.MAPPER.writeValueAsString(new TreeMap<>(files)));
    }

    public String liveVersion() {
        return version(liveFiles());
    }

    static Map<String, String> apply(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> merged = new TreeMap<>(base);
        changes.forEach((path, text) -> {
            if (text == null) {
                merged.remove(path);
            } else {
                merged.put(path, text.replace("\r\n", "\n"));
            }
        });
        return merged;
    }

    private static void checkPaths(Map<String, String> changes) {
        for (String path : changes.keySet()) {
            if (!path.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*\\.(drl|drl\\.csv|json)")
                    || (path.endsWith(".json") && !path.startsWith("tests/"))
                    || (path.startsWith("tests/") && !path.endsWith(".json"))) {
                throw new RefusedException("'" + path + "' is not a rule file (*.drl, *.drl.csv) or a rule test"
                        + " scenario (tests/*.json)", null, Map.of());
            }
        }
    }

    public Validation validate(Map<String, String> changes) {
        return check(changes, true).validation();
    }

    /** A checked change set: its validation, and when it compiles, the rule base it builds. */
    private record Checked(Validation validation, RuleBase candidate, Map<String, String> merged) {
    }

    /** Checks a change set once; publishing reuses the rule base built here instead of compiling again. */
    private Checked check(Map<String, String> changes, boolean withImpact) {
        checkPaths(changes);
        Map<String, String> merged = apply(liveFiles(), changes);
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
            return new Checked(new Validation(false, liveVersion(), e.problems(), List.of(), List.of(), generated), null,
                    merged);
        }
        Analyzer after = new Analyzer(candidate);
        List<ScenarioRunner.Result> scenarios = ScenarioRunner.run(merged, after, live.facts(), properties.dataDir());
        List<Impact> impact = withImpact ? impact(live.analyzer(), after) : List.of();
        boolean ok = scenarios.stream().allMatch(ScenarioRunner.Result::passed);
        return new Checked(new Validation(ok, liveVersion(), List.of(), scenarios, impact, generated), candidate, merged);
    }

    /** Makes a checked change set the live one: rule base swapped, scenarios kept. */
    private void goLive(Checked checked) {
        live.swapRules(checked.candidate());
        testFiles = testsOf(checked.merged());
    }

    private List<Impact> impact(Analyzer before, Analyzer after) {
        List<Impact> rows = new ArrayList<>();
        for (SavedPlan saved : plans.list()) {
            try {
                Plan plan = live.planReader().read(saved.json());
                String b = describe(before.analyze(plan, live.facts(), false));
                String a = describe(after.analyze(plan, live.facts(), false));
                rows.add(new Impact(saved.id(), saved.name(), b, a, !a.equals(b)));
            } catch (InvalidPlanException | io.firstwall.analysis.AnalysisException e) {
                rows.add(new Impact(saved.id(), saved.name(), "cannot be analysed", e.getMessage(), true));
            }
        }
        rows.sort(Comparator.comparing((Impact i) -> !i.changed()).thenComparing(Impact::name));
        return rows;
    }

    private static String describe(Analysis a) {
        return a.firstWall() == null ? "feasible" : a.firstWall().factor() + " on " + a.firstWall().bindsOn()
                + ", slip " + (a.firstWall().slipMonths() == null ? "open-ended" : a.firstWall().slipMonths() + " months")
                + (a.cascade().size() > 1 ? "; cascade " + String.join(" > ", a.cascade()) : "");
    }

    /**
     * Publishes a change set made on {@code baseVersion}. Refused, with nothing changed, when the
     * base is no longer live (a conflict), when the rules do not compile or pass the allowlist, or
     * when a rule test scenario fails (change the scenario's expectation in the same change set to
     * accept the new answer on purpose).
     */
    public synchronized Revision publish(Map<String, String> changes, String baseVersion, String author, String message) {
        if (message == null || message.isBlank()) {
            throw new RefusedException("Say why: a publish needs a message.", null, Map.of());
        }
        String liveVersion = liveVersion();
        if (!liveVersion.equals(baseVersion)) {
            Map<String, String> base = revisionFiles(baseVersion);
            Map<String, List<LineDiff.Line>> meanwhile = new TreeMap<>();
            Map<String, String> now = liveFiles();
            for (String path : changes.keySet()) {
                if (!java.util.Objects.equals(base.get(path), now.get(path))) {
                    meanwhile.put(path, LineDiff.changes(base.get(path), now.get(path)));
                }
            }
            throw new RefusedException("Conflict: the rules changed since you started (" + baseVersion + " \u2192 "
                    + liveVersion + ")" + (meanwhile.isEmpty() ? " in other files; publish again from the live version."
                    : "; these files were changed meanwhile: " + String.join(", ", meanwhile.keySet())), null, meanwhile);
        }
        Checked checked = check(changes, false);
        Validation validation = checked.validation();
        if (!validation.errors().isEmpty()) {
            throw new RefusedException("The rules do not compile; nothing was published.", validation, Map.of());
        }
        if (!validation.scenariosPass()) {
            throw new RefusedException("A rule test scenario fails; nothing was published. Change its expectation in"
                    + " the same change set to accept the new answer on purpose.", validation, Map.of());
        }
        write(changes);
        goLive(checked);
        Revision revision = record(author, message, "publish", checked.merged());
        audit(author, "publish", "rules " + String.join(", ", changes.keySet()) + " \u2192 revision " + revision.id(), message);
        return revision;
    }

    /**
     * Adopts files already changed on disk by someone outside firstwall, after the same checks as a
     * publish; nothing is written.
     */
    public synchronized Revision adoptExternal(Map<String, String> changes) {
        Checked checked = check(changes, false);
        Validation validation = checked.validation();
        if (!validation.errors().isEmpty() || !validation.scenariosPass()) {
            audit("external edit", "rejected", "rules " + String.join(", ", changes.keySet()),
                    validation.errors().isEmpty() ? "a rule test scenario fails" : "the rules do not compile");
            throw new RefusedException(validation.errors().isEmpty() ? "A rule test scenario fails."
                    : "The rules do not compile.", validation, Map.of());
        }
        goLive(checked);
        Revision revision = record("external edit", "picked up from rules/ on disk", "external", checked.merged());
        audit("external edit", "publish", "rules " + String.join(", ", changes.keySet()) + " \u2192 revision "
                + revision.id(), "edited outside firstwall");
        return revision;
    }

    public Revision revert(long revisionId, String author, String message) {
        Map<String, String> target = files(revisionId);
        Map<String, String> changes = new TreeMap<>(target);
        for (String path : liveFiles().keySet()) {
            if (!target.containsKey(path)) {
                changes.put(path, null);
            }
        }
        return publish(changes, liveVersion(), author, "revert to revision " + revisionId + ": " + message);
    }

    /** Writes all files or none: earlier files are put back if a later one fails. */
    private void write(Map<String, String> changes) {
        Path dir = properties.rulesDir();
        Map<Path, String> backups = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> change : changes.entrySet()) {
                Path target = dir.resolve(change.getKey()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new IOException("refusing to write outside rules/: " + change.getKey());
                }
                backups.put(target, Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null);
                if (change.getValue() == null) {
                    Files.deleteIfExists(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Path temp = Files.createTempFile(target.getParent(), ".publish-", ".tmp");
                    Files.writeString(temp, change.getValue(), StandardCharsets.UTF_8);
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            backups.forEach((path, text) -> {
                try {
                    if (text == null) {
                        Files.deleteIfExists(path);
                    } else {
                        Files.writeString(path, text, StandardCharsets.UTF_8);
                    }
                } catch (IOException restore) {
                    log.error("Could not restore {} after a failed publish", path, restore);
                }
            });
            throw new UncheckedIOException("cannot write the rule files; nothing was published: " + e.getMessage(), e);
        }
    }

    private Revision record(String author, String message, String kind, Map<String, String> files) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Instant now = clock.instant();
        String version = version(files);
        jdbc.sql("insert into rule_revision(created_at, author, message, kind, version, files) values (?, ?, ?, ?, ?, ?)")
                .params(now.atOffset(ZoneOffset.UTC), author, message, kind, version,
                        Json.MAPPER.writeValueAsString(new TreeMap<>(files)))
                .update(keys, "id");
        return new Revision(keys.getKey().longValue(), now, author, message, kind, version);
    }

    private void audit(String who, String action, String what, String why) {
        jdbc.sql("insert into audit_log(at, who, action, what, why) values (?, ?, ?, ?, ?)")
                .params(clock.instant().atOffset(ZoneOffset.UTC), who, action, what, why).update();
    }

    public List<Revision> revisions() {
        return jdbc.sql("select id, created_at, author, message, kind, version from rule_revision order by id desc")
                .query((rs, n) -> new Revision(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    public Map<String, String> files(long revisionId) {
        return jdbc.sql("select files from rule_revision where id = ?").param(revisionId).query(String.class).optional()
                .map(json -> (Map<String, String>) Json.MAPPER.readValue(json, FILES))
                .orElseThrow(() -> new io.firstwall.plan.PlanNotFoundException("rule revision", revisionId));
    }

    private Map<String, String> revisionFiles(String version) {
        return jdbc.sql("select files from rule_revision where version = ? order by id desc limit 1").param(version)
                .query(String.class).optional().map(json -> (Map<String, String>) Json.MAPPER.readValue(json, FILES))
                .orElse(Map.of());
    }

    /** The line diff of every file that differs between two revisions (rows, for decision tables). */
    public Map<String, List<LineDiff.Line>> diff(long fromId, long toId) {
        Map<String, String> from = files(fromId);
        Map<String, String> to = files(toId);
        Map<String, List<LineDiff.Line>> out = new TreeMap<>();
        for (String path : new TreeSet<>(java.util.stream.Stream.concat(from.keySet().stream(), to.keySet().stream()).toList())) {
            if (!java.util.Objects.equals(from.get(path), to.get(path))) {
                out.put(path, LineDiff.changes(from.get(path), to.get(path)));
            }
        }
        return out;
    }

    public List<Map<String, Object>> auditLog() {
        return jdbc.sql("select at, who, action, what, why from audit_log order by id desc").query().listOfRows();
    }
}

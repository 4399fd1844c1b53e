package io.firstwall.editing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Why;
import io.firstwall.facts.FactBase;
import io.firstwall.facts.FactCsvReader;
import io.firstwall.plan.PlanReader;
import io.firstwall.plans.SavedPlan;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.rules.RuleProblem;
import io.firstwall.ruletests.RuleTestResult;
import io.firstwall.ruletests.RuleTests;

/**
 * What is checked of rules that are not published yet, and all of it runs in a {@link DraftWorker}
 * process that the app can kill: the allowlist and compile, the plain-words check of a decision
 * table's cells, the rule tests, the impact on every saved plan, and "why" for one plan. No Spring:
 * the worker is a plain {@code main}. The requests and replies are plain records, sent as JSON.
 */
final class DraftCheck {

    /** A saved plan, as the impact preview needs it. */
    record PlanRow(long id, String name, String json) {
    }

    /**
     * What to check. {@code kind} is {@code check} (compile, rule tests, and with {@code withImpact}
     * the impact) or {@code why} (the trace of {@code whyPlan} on the rules). {@code ruleFiles} are every
     * rule file and rule test as the change leaves them; {@code before*} the live ones, for the impact.
     */
    record Request(String kind, Map<String, String> ruleFiles, List<String> changed, Map<String, String> factFiles,
            Map<String, String> beforeRuleFiles, Map<String, String> beforeFactFiles, List<PlanRow> plans,
            boolean withImpact, long analysisBudgetMillis, String dataDir, String whyPlan) {
    }

    /** What came of it: problems (nothing ran), or the rule tests, the impact, the trace. */
    record Reply(List<RuleProblem> errors, Map<String, String> generated, List<RuleTestResult> ruleTests,
            List<Impact> impact, List<Why.RuleWhy> trace, String failure) {

        static Reply refused(List<RuleProblem> errors, Map<String, String> generated) {
            return new Reply(errors, generated, List.of(), List.of(), List.of(), null);
        }

        static Reply failed(String failure) {
            return new Reply(List.of(), Map.of(), List.of(), List.of(), List.of(), failure);
        }
    }

    /** The longest rule text a reply carries for one generated file; the rest is said to be cut. */
    static final int MAX_GENERATED = 200_000;

    /** Compiled rule sets and read fact bases, by content, for the next request to the same worker. */
    private final Map<String, RuleBase> rules = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleBase> eldest) {
            return size() > 3;
        }
    };
    private final Map<Map<String, String>, FactBase> facts = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Map<String, String>, FactBase> eldest) {
            return size() > 3;
        }
    };

    Reply handle(Request r) {
        return switch (r.kind()) {
            case "check" -> check(r, facts(r.factFiles()), r.withImpact() ? facts(r.beforeFactFiles()) : null);
            case "why" -> why(r);
            default -> Reply.failed("unknown request kind " + r.kind());
        };
    }

    private FactBase facts(Map<String, String> files) {
        return facts.computeIfAbsent(files, FactCsvReader::read);
    }

    private RuleBase compile(Map<String, String> ruleFiles) {
        Map<String, String> set = ruleSet(ruleFiles);
        String key = String.valueOf(set.hashCode()) + "/" + set.size();
        RuleBase known = rules.get(key);
        if (known != null && known.files().equals(set)) {
            return known;
        }
        RuleBase built = RuleCompiler.compile(set);
        rules.put(key, built);
        return built;
    }

    /** The rule files among a rule directory's files (no rule tests). */
    static Map<String, String> ruleSet(Map<String, String> files) {
        Map<String, String> set = new TreeMap<>();
        files.forEach((path, text) -> {
            if (RuleCompiler.isRuleSetFile(path) && !RuleTests.isRuleTest(path)) {
                set.put(path, text);
            }
        });
        return set;
    }

    /**
     * The check of a request, with the fact bases already read: {@code after} for the rule tests and the
     * changed rules, {@code before} for the live answers of the impact (null without impact).
     */
    Reply check(Request r, FactBase after, FactBase before) {
        Map<String, String> ruleFiles = ruleSet(r.ruleFiles());
        Map<String, String> generated = new LinkedHashMap<>();
        for (String path : r.changed()) {
            String text = ruleFiles.get(path);
            if (text != null && (path.endsWith(".drl.csv") || path.endsWith(".dslr"))) {
                String drl;
                try {
                    drl = RuleCompiler.ruleText(path, text, r.ruleFiles());
                } catch (RuleBuildException e) {
                    drl = "cannot be turned into rule text: " + e.problems().get(0).message();
                }
                generated.put(path, drl.length() > MAX_GENERATED ? drl.substring(0, MAX_GENERATED)
                        + "\n// ... cut here: " + (drl.length() - MAX_GENERATED) + " more characters" : drl);
            }
        }
        // A cell that cannot mean what its column needs is named in plain words; the compiler's text for
        // the same row is kept one click away.
        List<RuleProblem> cells = new ArrayList<>();
        Set<String> factIds = new HashSet<>();
        after.facts().forEach(f -> factIds.add(f.id()));
        for (String path : r.changed()) {
            if (path.endsWith(".drl.csv") && ruleFiles.get(path) != null) {
                cells.addAll(DecisionTableChecks.cellErrors("rules/" + path, ruleFiles.get(path),
                        after.regions().values(), factIds));
            }
        }
        RuleBase candidate;
        try {
            candidate = compile(ruleFiles);
        } catch (RuleBuildException e) {
            return Reply.refused(withCells(cells, e.problems()), generated);
        }
        if (!cells.isEmpty()) {
            return Reply.refused(cells, generated);
        }
        Duration budget = Duration.ofMillis(r.analysisBudgetMillis());
        Analyzer analyzer = new Analyzer(candidate, budget);
        Path dataDir = Path.of(r.dataDir());
        List<RuleTestResult> tests = RuleTests.run(r.ruleFiles(), analyzer, after, dataDir);
        List<Impact> impact = List.of();
        if (r.withImpact()) {
            Analyzer live = new Analyzer(compile(r.beforeRuleFiles()), budget);
            List<SavedPlan> saved = r.plans().stream().map(p -> new SavedPlan(p.id(), p.name(), p.json(), Instant.EPOCH))
                    .toList();
            impact = ImpactPreview.of(saved, live, before, analyzer, after);
        }
        return new Reply(List.of(), generated, tests, impact, List.of(), null);
    }

    private Reply why(Request r) {
        RuleBase candidate;
        try {
            candidate = compile(r.ruleFiles());
        } catch (RuleBuildException e) {
            return Reply.refused(e.problems(), Map.of());
        }
        FactBase facts = facts(r.factFiles());
        List<Why.RuleWhy> trace = Why.build(candidate).explain(new PlanReader(facts, candidate.attributes())
                .read(r.whyPlan()), facts);
        return new Reply(List.of(), Map.of(), List.of(), List.of(), trace, null);
    }

    /** The cell problems, each with the compiler's words about its row; then the compiler's other problems. */
    static List<RuleProblem> withCells(List<RuleProblem> cells, List<RuleProblem> compiler) {
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
}

package io.firstwall.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.rules.RuleInfo;

/**
 * What changed between two runs, item by item, and why: a plan or scenario edit, a fact whose value
 * changed and that the analysis used, or a rule file that changed and whose rules fired, with the
 * revisions (author and message) that made the change.
 */
@Component
public class ChangeDetector {

    /**
     * A line of the "what changed" section; with odds in both runs, how sure each answer was and how
     * far the most likely outcome's probability moved ({@code oddsMove}: 1 when that outcome changed).
     */
    public record Change(String itemKey, String name, String before, String after, List<String> why,
            String oddsBefore, String oddsAfter, Double oddsMove) {

        public Change(String itemKey, String name, String before, String after, List<String> why) {
            this(itemKey, name, before, after, why, null, null, null);
        }

        /** Whether the odds moved more than 10 points (or the most likely outcome changed). */
        public boolean oddsMoved() {
            return oddsMove != null && Math.abs(oddsMove) > 0.1;
        }
    }

    private final RunStore runs;
    private final LiveAnalysis live;

    ChangeDetector(RunStore runs, LiveAnalysis live) {
        this.runs = runs;
        this.live = live;
    }

    /** The items whose answer changed since {@code previous} (none when there is no previous run). */
    public List<Change> changes(RunStore.Run run, RunStore.Run previous) {
        List<Change> changes = new ArrayList<>();
        if (previous == null) {
            return changes;
        }
        Map<String, String> changedFacts = changedFacts(run, previous);
        Set<String> changedFiles = changedRuleFiles(run, previous);
        String history = notes(runs.revisionsBetween("rule_revision", previous.startedAt(), run.startedAt()), "revision");
        String factHistory = notes(runs.revisionsBetween("fact_revision", previous.startedAt(), run.startedAt()),
                "fact revision");
        if (!factHistory.isEmpty()) {
            changedFacts.replaceAll((id, text) -> text + " (" + factHistory + ")");
        }
        Map<String, String> folderOfRule = new LinkedHashMap<>();
        for (RuleInfo r : live.analyzer().rules().rules()) {
            folderOfRule.put(r.id(), r.packageName().replaceFirst("^rules\\.?", "").replace('.', '/'));
        }
        runs.forEachChangedRow(previous.runId(), run.runId(), (now, before) -> {
            if (before == null) {
                changes.add(new Change(now.itemKey(), now.name(), "not in the run", state(now),
                        List.of("new since run " + previous.runNumber())));
                return;
            }
            List<String> why = new ArrayList<>();
            if (!Objects.equals(now.planHash(), before.planHash())) {
                why.add(now.itemKey().startsWith("scenario:") ? "the scenario was edited" : "the plan was edited");
            }
            Set<String> used = words(now.factIds(), before.factIds());
            changedFacts.forEach((id, text) -> {
                if (used.contains(id)) {
                    why.add(text);
                }
            });
            Set<String> fired = words(now.ruleIds(), before.ruleIds());
            for (String file : changedFiles) {
                String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
                List<String> hit = fired.stream().filter(r -> folder.equals(folderOfRule.get(r))).toList();
                if (!hit.isEmpty()) {
                    why.add("rule file " + file + " changed (rule set " + previous.ruleVersion() + " \u2192 "
                            + run.ruleVersion() + "; its rules that fired here: " + String.join(", ", hit) + ")"
                            + (history.isEmpty() ? "" : "; " + history));
                }
            }
            if (why.isEmpty() && !changedFiles.isEmpty()) {
                why.add("the rule set changed (" + previous.ruleVersion() + " \u2192 " + run.ruleVersion() + ": "
                        + String.join(", ", changedFiles) + ")");
            }
            Double move = move(before, now);
            if (why.isEmpty()) {
                why.add(move != null && state(before).equals(state(now))
                        ? "no plan, fact value or rule change found: a fact's range may have changed"
                        : "no plan, fact or rule change found");
            }
            changes.add(new Change(now.itemKey(), now.name(), state(before), state(now), why, before.odds(), now.odds(),
                    move));
        });
        // Answers whose odds moved most come first; the rest keep their order.
        changes.sort(Comparator.comparing((Change c) -> !c.oddsMoved())
                .thenComparing(c -> c.oddsMoved() ? -Math.abs(c.oddsMove()) : 0));
        for (ReportRow gone : runs.missingFrom(run.runId(), previous.runId())) {
            changes.add(new Change(gone.itemKey(), gone.name(), "in run " + previous.runNumber(), "not in the run",
                    List.of("deleted since run " + previous.runNumber())));
        }
        return changes;
    }

    /** How far the most likely outcome's probability moved; 1 when the outcome changed; null without odds. */
    private static Double move(ReportRow before, ReportRow now) {
        if (before.topProbability() == null || now.topProbability() == null) {
            return null;
        }
        if (!before.topOutcome().equals(now.topOutcome())) {
            return 1.0;
        }
        return Math.round((now.topProbability() - before.topProbability()) * 1000) / 1000.0;
    }

    /** Each fact whose value differs between the runs, with a sentence saying how. */
    private static Map<String, String> changedFacts(RunStore.Run run, RunStore.Run previous) {
        Map<String, String> changed = new LinkedHashMap<>();
        Set<String> ids = new TreeSet<>(run.facts().keySet());
        ids.addAll(previous.facts().keySet());
        for (String id : ids) {
            Double before = previous.facts().get(id);
            Double after = run.facts().get(id);
            if (!Objects.equals(before, after)) {
                changed.put(id, "fact " + id + ": " + (before == null ? "absent" : num(before)) + " \u2192 "
                        + (after == null ? "absent" : num(after)));
            }
        }
        return changed;
    }

    private static Set<String> changedRuleFiles(RunStore.Run run, RunStore.Run previous) {
        Set<String> paths = new TreeSet<>(run.ruleFiles().keySet());
        paths.addAll(previous.ruleFiles().keySet());
        paths.removeIf(path -> Objects.equals(run.ruleFiles().get(path), previous.ruleFiles().get(path)));
        return paths;
    }

    private static String notes(List<RunStore.RevisionNote> revisions, String noun) {
        return String.join("; ", revisions.stream().map(r -> noun + " " + r.id() + " by " + r.author() + ": \u201c"
                + r.message() + "\u201d").toList());
    }

    /** A row's answer in a few words. */
    static String state(ReportRow row) {
        if (row.status().equals(ReportRow.FAILED)) {
            return "failed";
        }
        if (row.firstWall() == null) {
            return "feasible";
        }
        return row.firstWall() + " on " + row.bindsOn() + ", slip "
                + (Boolean.TRUE.equals(row.openEnded()) ? "open-ended" : row.slipMonths() + " months");
    }

    private static Set<String> words(String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                out.addAll(Arrays.asList(t.trim().split("\\s+")));
            }
        }
        return out;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

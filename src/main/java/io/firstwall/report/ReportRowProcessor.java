package io.firstwall.report;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Format;
import io.firstwall.plan.Json;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Plan;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.system.Hashes;
import tools.jackson.core.type.TypeReference;

/** Analyses one item against the live rules and facts; a failure becomes a FAILED row and the run goes on. */
class ReportRowProcessor implements ItemProcessor<WorkItem, ReportRow> {

    private static final TypeReference<LinkedHashMap<String, Double>> OVERRIDES = new TypeReference<>() {
    };

    private final LiveAnalysis live;

    ReportRowProcessor(LiveAnalysis live) {
        this.live = live;
    }

    @Override
    public ReportRow process(WorkItem item) {
        String hash = hash(item.planJson() + "\u0000" + item.overridesJson());
        try {
            Plan plan = live.planReader().read(item.planJson());
            Map<String, Double> overrides = Json.MAPPER.readValue(item.overridesJson(), OVERRIDES);
            Analysis a = live.analyzeForReport(plan, overrides);
            Wall w = a.firstWall();
            String rules = String.join(" ", a.rulesFired());
            String facts = String.join(" ", a.facts().stream().map(f -> f.id()).toList());
            if (w == null) {
                return new ReportRow(item.itemKey(), item.planId(), item.scenarioId(), item.name(), hash, ReportRow.OK,
                        null, null, null, null, null, null, "Feasible as planned: no wall.", "", clip(rules, 2000),
                        clip(facts, 4000));
            }
            return new ReportRow(item.itemKey(), item.planId(), item.scenarioId(), item.name(), hash, ReportRow.OK, null,
                    w.factor(), w.bindsOn(), w.slipMonths(), w.openEnded(), Format.amount(w.shortfall(), w.unit()),
                    clip(w.explanation(), 4000), String.join(" > ", a.cascade()), clip(rules, 2000), clip(facts, 4000));
        } catch (RuntimeException e) {
            return new ReportRow(item.itemKey(), item.planId(), item.scenarioId(), item.name(), hash, ReportRow.FAILED,
                    clip(e.getMessage() == null ? e.toString() : e.getMessage(), 2000), null, null, null, null, null,
                    null, null, null, null);
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String hash(String s) {
        return Hashes.of(s);
    }
}

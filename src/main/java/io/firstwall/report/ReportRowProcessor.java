package io.firstwall.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Format;
import io.firstwall.plan.Json;
import io.firstwall.analysis.Wall;
import io.firstwall.plan.Plan;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.system.Hashes;
import io.firstwall.analysis.Analyzer;
import io.firstwall.seek.Seek;
import io.firstwall.seek.SeekRequest;
import io.firstwall.seek.SeekResult;
import io.firstwall.seek.SeekText;
import io.firstwall.uncertainty.LiveUncertainty;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;
import tools.jackson.core.type.TypeReference;

/** Analyses one item against the live rules and facts; a failure becomes a FAILED row and the run goes on. */
class ReportRowProcessor implements ItemProcessor<WorkItem, ReportRow> {

    private static final TypeReference<LinkedHashMap<String, Double>> OVERRIDES = new TypeReference<>() {
    };

    private final LiveAnalysis live;
    private final LiveUncertainty uncertainty;
    private final int samples;
    private final boolean fix;

    /** With {@code samples} above 0, each row also says how sure its answer is; with {@code fix}, a late one its cheapest fix. */
    ReportRowProcessor(LiveAnalysis live, LiveUncertainty uncertainty, int samples, boolean fix) {
        this.live = live;
        this.uncertainty = uncertainty;
        this.samples = samples;
        this.fix = fix;
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
            ReportRow row = w == null
                    ? new ReportRow(item.itemKey(), item.planId(), item.scenarioId(), item.name(), hash, ReportRow.OK,
                            null, null, null, null, null, null, "Feasible as planned: no wall.", "", clip(rules, 2000),
                            clip(facts, 4000))
                    : new ReportRow(item.itemKey(), item.planId(), item.scenarioId(), item.name(), hash, ReportRow.OK,
                            null, w.factor(), w.bindsOn(), w.slipMonths(), w.openEnded(),
                            Format.amount(w.shortfall(), w.unit()), clip(w.explanation(), 4000),
                            String.join(" > ", a.cascade()), clip(rules, 2000), clip(facts, 4000))
                            .withSchedule(a.scheduleWall().factor(), a.scheduleWall().maxDelayMonths());
            if (w != null && fix) {
                row = row.withFix(cheapestFix(plan, overrides));
            }
            return samples > 0 ? withOdds(row, uncertainty.uncertainty(plan, overrides, samples, MonteCarlo.DEFAULT_SEED))
                    : row;
        } catch (RuntimeException e) {
            return new ReportRow(item.itemKey(), item.planId(), item.scenarioId(), item.name(), hash, ReportRow.FAILED,
                    clip(e.getMessage() == null ? e.toString() : e.getMessage(), 2000), null, null, null, null, null,
                    null, null, null, null);
        }
    }

    /**
     * What would it take, in point answers on the same rules and facts as the row (a scenario's overrides
     * held): the cheapest option, or why there is none. A search that fails leaves the row as it is, said.
     */
    private String cheapestFix(Plan plan, Map<String, Double> overrides) {
        try {
            Analyzer analyzer = live.analyzer();
            SeekResult r = new Seek(analyzer, new MonteCarlo(analyzer)).seek(plan, live.facts().withOverrides(overrides),
                    live.planReader(), new SeekRequest(0, 0, 0, Set.of(), SeekRequest.DEFAULT_MAX_CHANGES, 1), null);
            return SeekText.fix(r);
        } catch (RuntimeException e) {
            return "not sought: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The row with how sure its answer is: the most likely outcome, every outcome's share, the delay's spread. */
    static ReportRow withOdds(ReportRow row, Uncertainty u) {
        String top = u.mostLikelyFirstWall() == null ? "feasible" : u.mostLikelyFirstWall();
        StringBuilder odds = new StringBuilder();
        u.firstWallProbability().forEach((factor, p) -> odds.append(factor).append(' ')
                .append(Math.round(p * 100)).append("%, "));
        odds.append("feasible ").append(Math.round(u.feasibleProbability() * 100)).append('%');
        return row.withOdds(top, u.topProbability(), clip(odds.toString(), 2000), u.delayMonths().p10(),
                u.delayMonths().p50(), u.delayMonths().p90());
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    static String hash(String s) {
        return Hashes.of(s);
    }
}

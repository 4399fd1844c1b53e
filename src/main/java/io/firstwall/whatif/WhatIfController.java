package io.firstwall.whatif;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.Why;
import io.firstwall.facts.Series;
import io.firstwall.rules.RuleBase;
import io.firstwall.rules.RuleBuildException;
import io.firstwall.analysis.WallColours;
import io.firstwall.facts.SpreadsheetText;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Levers;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanJson;
import io.firstwall.plans.PlanForm;
import io.firstwall.plans.PlanForms;
import io.firstwall.plans.PlanStore;
import io.firstwall.plan.Power;
import io.firstwall.plans.SavedPlan;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.system.FactorLabels;
import io.firstwall.uncertainty.LiveUncertainty;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;
import io.firstwall.system.PageController;
import io.firstwall.seek.Change;
import io.firstwall.seek.LiveSeek;
import io.firstwall.seek.Option;
import io.firstwall.seek.Seek;
import io.firstwall.seek.SeekRequest;
import io.firstwall.system.TooBusyException;

/** The analysis page of a plan, what-if beside it, saved scenarios and their comparison. */
@Controller
class WhatIfController implements PageController {

    static final String OVERRIDE_PREFIX = "o:";

    private final PlanStore plans;
    private final LiveSeek seek;
    private final int seekSamples;
    private final ScenarioStore scenarios;
    private final LiveAnalysis live;
    private final LiveUncertainty uncertainty;
    private final int samples;
    private final FactorLabels labels;
    private final Clock clock;


    WhatIfController(PlanStore plans, ScenarioStore scenarios, LiveAnalysis live, LiveUncertainty uncertainty,
            LiveSeek seek, FactorLabels labels, Clock clock, @Value("${firstwall.samples:1000}") int samples,
            @Value("${firstwall.seek-samples:200}") int seekSamples) {
        this.seek = seek;
        this.seekSamples = seekSamples;
        this.clock = clock;
        this.labels = labels;
        this.plans = plans;
        this.scenarios = scenarios;
        this.live = live;
        this.uncertainty = uncertainty;
        this.samples = samples;
    }

    /**
     * What would it take: the cheapest options that put the plan on time, each with how sure it is
     * ({@code firstwall.seek-samples} samples), and the levers that move each wall; a busy service or a
     * stuck rule leaves the panel out with the reason, never the page.
     */
    private void seek(Plan plan, Model model) {
        try {
            model.addAttribute("seek", seek.seek(plan, new SeekRequest(0, Math.max(0, seekSamples), MonteCarlo.DEFAULT_SEED,
                    Set.of(), SeekRequest.DEFAULT_MAX_CHANGES, SeekRequest.DEFAULT_TOP)));
        } catch (TooBusyException | AnalysisException | IllegalArgumentException e) {
            model.addAttribute("seekBusy", e.getMessage());
        }
    }

    /**
     * How sure an answer is, with its charts, under {@code prefix} in the model ({@code u},
     * {@code cdf}, {@code tornado}); nothing when the pages draw no samples.
     */
    private Uncertainty odds(Plan plan, Map<String, Double> overrides, Model model, String prefix) {
        if (samples <= 0) {
            return null;
        }
        Uncertainty u;
        try {
            u = uncertainty.uncertainty(plan, overrides, samples, MonteCarlo.DEFAULT_SEED);
        } catch (TooBusyException e) {
            // The page still answers; only the odds wait for the user's other sampled analysis.
            model.addAttribute("oddsBusy", e.getMessage());
            return null;
        }
        model.addAttribute(prefix + "u", u);
        model.addAttribute(prefix + "cdf", OddsCharts.cumulative(u, plan.targetDate()));
        model.addAttribute(prefix + "tornado", OddsCharts.tornado(u));
        model.addAttribute("colours", WallColours.COLOURS);
        return u;
    }

    /** The saved plan of every page here, loaded once per request, as spring-petclinic loads its owner. */
    @ModelAttribute(name = "saved", binding = false)
    SavedPlan saved(@PathVariable long id) {
        return plans.get(id);
    }

    private Plan planOf(SavedPlan saved) {
        return live.planReader().read(saved.json());
    }

    @GetMapping("/plans/{id}")
    String analysis(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved,
            Model model, HttpServletResponse response) {
        long start = System.nanoTime();
        Plan plan = planOf(saved);
        Analysis analysis = live.analyze(plan, Map.of());
        odds(plan, Map.of(), model, "");
        seek(plan, model);
        model.addAttribute("wallsChart", WallsChart.svg(analysis, LocalDate.now(clock), labels::of, false));
        timing(response, model, start);
        model.addAttribute("a", analysis);
        model.addAttribute("headline", Headline.of(analysis));
        model.addAttribute("chart", TimelineChart.svg(analysis, labels::of));
        model.addAttribute("scenarioCount", scenarios.list(id).size());
        return "plans/analysis";
    }

    /** Which rules fired for the plan, and for each that did not, the condition that failed. */
    @GetMapping("/plans/{id}/why")
    String why(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved, Model model) {
        RuleBase rules = live.analyzer().rules();
        model.addAttribute("ruleSet", rules.version());
        try {
            model.addAttribute("trace", Why.of(rules).explain(planOf(saved), live.facts()));
        } catch (AnalysisException | RuleBuildException e) {
            model.addAttribute("error", "The trace could not be made: " + e.getMessage());
        }
        return "plans/why";
    }

    /** The swimlane chart of a plan's walls as an SVG file. */
    @GetMapping(path = "/plans/{id}/walls.svg")
    ResponseEntity<String> wallsChart(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(saved.fileName("-walls.svg")).build().toString())
                .body(WallsChart.svg(live.analyze(planOf(saved), Map.of()), LocalDate.now(clock), labels::of, true));
    }

    @GetMapping("/plans/{id}/whatif")
    String initWhatIf(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved,
            @RequestParam(name = "from", required = false) Long scenarioId,
            @RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        Plan base = planOf(saved);
        Plan scenarioPlan = base;
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, Double> overrides = Map.of();
        // A permalink carries its fact overrides in the address: /plans/1/whatif?o:pue.ai_site=1.3
        Map<String, String> linked = overridesOf(params);
        if (!linked.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            overrides = parseOverrides(linked, errors);
            raw.putAll(linked);
            if (!errors.isEmpty()) {
                model.addAttribute("form", PlanForm.of(base).withDeclared(live.planReader().attributes()));
                return whatIfView(base, null, raw, errors, model, response, overrides);
            }
        } else if (params.containsKey("change") && scenarioId == null) {
            // An option of "What would it take?": its changes made to the base plan, to analyse and adjust.
            Analysis baseAnswer = live.analyze(base, Map.of());
            Levers levers = live.analyzer().rules().levers();
            try {
                List<Change> changes = Change.parse(params.get("change"), levers, Seek.loadKw(baseAnswer),
                        base.lastPhase().accelerators());
                scenarioPlan = live.planReader().read(PlanJson.write(Seek.apply(base, changes, levers,
                        live.planReader().attributes(), Seek.loadKw(baseAnswer))));
                String words = new Option(changes, scenarioPlan, List.of(), false, null, 0, 0, null, null, null, null).words();
                model.addAttribute("scenarioName", words);
                model.addAttribute("fromSeek", words);
            } catch (IllegalArgumentException | InvalidPlanException e) {
                model.addAttribute("seekLinkError", e.getMessage());
            }
        } else if (scenarioId != null) {
            Scenario s = scenarios.get(id, scenarioId);
            scenarioPlan = live.planReader().read(s.planJson());
            overrides = s.overrides();
            s.overrides().forEach((k, v) -> raw.put(k, v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString()));
            model.addAttribute("scenarioName", s.name());
        }
        model.addAttribute("form", PlanForm.of(scenarioPlan).withDeclared(live.planReader().attributes()));
        return whatIfView(base, scenarioPlan, raw, Map.of(), model, response, overrides);
    }

    @PostMapping("/plans/{id}/whatif")
    String processWhatIf(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved,
            @Validated @ModelAttribute("form") PlanForm form, BindingResult errors,
            @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response) {
        Plan base = planOf(saved);
        Map<String, String> raw = overridesOf(params);
        Map<String, String> overrideErrors = new LinkedHashMap<>();
        Map<String, Double> overrides = parseOverrides(raw, overrideErrors);
        Plan scenarioPlan = PlanForms.toPlan(form, live.planReader(), errors);
        model.addAttribute("scenarioName", params.getFirst("scenarioName"));
        if (scenarioPlan == null || !overrideErrors.isEmpty()) {
            return whatIfView(base, null, raw, overrideErrors, model, response, overrides);
        }
        return whatIfView(base, scenarioPlan, raw, Map.of(), model, response, overrides);
    }

    @PostMapping("/plans/{id}/whatif/result")
    String whatIfResult(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved,
            @Validated @ModelAttribute("form") PlanForm form, BindingResult errors,
            @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response) {
        processWhatIf(id, saved, form, errors, params, model, response);
        return "plans/whatif :: results";
    }

    private String whatIfView(Plan base, Plan scenarioPlan, Map<String, String> raw,
            Map<String, String> overrideErrors, Model model, HttpServletResponse response,
            Map<String, Double> overrides) {
        long start = System.nanoTime();
        Analysis baseResult = live.analyze(base, Map.of());
        odds(base, Map.of(), model, "base");
        model.addAttribute("base", baseResult);
        Headline baseHeadline = Headline.of(baseResult);
        model.addAttribute("baseHeadline", baseHeadline);
        model.addAttribute("whatIf", true);
        if (scenarioPlan != null) {
            Analysis scenario = live.analyze(scenarioPlan, overrides);
            Uncertainty scenarioOdds = odds(scenarioPlan, overrides, model, "scenario");
            if (scenarioOdds != null) {
                model.addAttribute("oddsTable", OddsTable.of(List.of("Base", "What-if"),
                        List.of((Uncertainty) model.getAttribute("baseu"), scenarioOdds)));
            }
            model.addAttribute("scenario", scenario);
            Headline scenarioHeadline = Headline.of(scenario);
            model.addAttribute("scenarioHeadline", scenarioHeadline);
            model.addAttribute("change", scenarioHeadline.versus(baseHeadline));
            model.addAttribute("wallsChart", WallsChart.svg(scenario, baseResult, LocalDate.now(clock), labels::of, false));
            model.addAttribute("scenarioChart", TimelineChart.svg(scenario, labels::of));
            model.addAttribute("comparison", Comparison.forPeople(List.of("Base", "What-if"), List.of(baseResult, scenario), labels::of));
        }
        timing(response, model, start);
        model.addAttribute("overrides", raw);
        model.addAttribute("permalink", permalink(raw));
        model.addAttribute("overrideErrors", overrideErrors);
        // The facts this plan uses first (those its answers read, and any override); the rest below, folded.
        Set<String> used = new HashSet<>(raw.keySet());
        baseResult.facts().forEach(f -> used.add(f.id()));
        Analysis shown = (Analysis) model.getAttribute("scenario");
        if (shown != null) {
            shown.facts().forEach(f -> used.add(f.id()));
        }
        model.addAttribute("facts", live.facts().facts().stream().filter(f -> used.contains(f.id())).toList());
        // A series the answers read can be scaled as a whole (id@* times a factor), beside overriding one point.
        Set<String> series = new TreeSet<>();
        used.stream().map(Series::baseOf).filter(id -> !live.facts().points(id).isEmpty()).forEach(series::add);
        model.addAttribute("series", series);
        model.addAttribute("otherFacts", live.facts().facts().stream().filter(f -> !used.contains(f.id())).toList());
        model.addAttribute("regions", live.facts().regions().values());
        model.addAttribute("accelerators", live.facts().accelerators().values());
        model.addAttribute("declared", live.planReader().attributes().declared());
        model.addAttribute("powers", Power.values());
        return "plans/whatif";
    }

    private static void timing(HttpServletResponse response, Model model, long start) {
        double ms = (System.nanoTime() - start) / 1e6;
        response.addHeader("Server-Timing", String.format(Locale.ROOT, "analysis;dur=%.2f", ms));
        model.addAttribute("analysisMs", ms);
    }

    /** The query that brings these fact overrides back on the base plan: "?o:pue.ai_site=1.3". */
    static String permalink(Map<String, String> overrides) {
        StringBuilder q = new StringBuilder();
        overrides.forEach((id, v) -> q.append(q.isEmpty() ? '?' : '&').append(OVERRIDE_PREFIX)
                .append(URLEncoder.encode(id, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    static Map<String, String> overridesOf(MultiValueMap<String, String> params) {
        Map<String, String> raw = new LinkedHashMap<>();
        params.forEach((key, values) -> {
            if (key.startsWith(OVERRIDE_PREFIX) && !values.isEmpty() && !values.get(0).isBlank()) {
                raw.put(key.substring(OVERRIDE_PREFIX.length()), values.get(0).trim());
            }
        });
        return raw;
    }

    Map<String, Double> parseOverrides(Map<String, String> raw, Map<String, String> errors) {
        Map<String, Double> parsed = new LinkedHashMap<>();
        raw.forEach((id, text) -> {
            String whole = Series.scaledWhole(id);
            if (whole != null && live.facts().points(whole).isEmpty()) {
                errors.put(id, whole + " is not a series with points, so it cannot be scaled.");
                return;
            }
            if (whole == null && live.facts().fact(id).isEmpty()) {
                errors.put(id, "There is no fact " + id + ".");
                return;
            }
            try {
                double v = Double.parseDouble(text.replace(",", ""));
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                parsed.put(id, v);
            } catch (NumberFormatException e) {
                errors.put(id, "\u201c" + text + "\u201d is not a number.");
            }
        });
        return parsed;
    }

    @PostMapping("/plans/{id}/scenarios")
    String saveScenario(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved,
            @Validated @ModelAttribute("form") PlanForm form, BindingResult errors,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> raw = overridesOf(params);
        Map<String, String> overrideErrors = new LinkedHashMap<>();
        Map<String, Double> overrides = parseOverrides(raw, overrideErrors);
        Plan scenarioPlan = PlanForms.toPlan(form, live.planReader(), errors);
        String name = params.getFirst("scenarioName") == null ? "" : params.getFirst("scenarioName").trim();
        if (name.isEmpty() || name.length() > 200) {
            model.addAttribute("scenarioNameError", "Give the scenario a name (at most 200 characters) to save it.");
        }
        if (scenarioPlan == null || !overrideErrors.isEmpty() || model.containsAttribute("scenarioNameError")) {
            model.addAttribute("scenarioName", name);
            return whatIfView(planOf(saved), scenarioPlan, raw, overrideErrors, model, response,
                    overrides);
        }
        long scenarioId = scenarios.create(id, name, scenarioPlan, overrides);
        redirect.addFlashAttribute("message", "Scenario \u201c" + name + "\u201d saved; you are still on it. Compare it"
                + " with the base or other scenarios from the scenarios page.");
        return "redirect:/plans/" + id + "/whatif?from=" + scenarioId;
    }

    @GetMapping("/plans/{id}/scenarios")
    String listScenarios(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved,
            Model model) {
        List<Scenario> list = scenarios.list(id);
        List<ScenarioRow> rows = new ArrayList<>();
        Plan base = planOf(saved);
        for (Scenario s : list) {
            rows.add(ScenarioRow.of(s, base, live));
        }
        model.addAttribute("rows", rows);
        return "plans/scenarios";
    }

    @PostMapping("/plans/{id}/scenarios/{scenarioId}/delete")
    String deleteScenario(@PathVariable long id, @PathVariable long scenarioId, RedirectAttributes redirect) {
        Scenario s = scenarios.get(id, scenarioId);
        scenarios.delete(id, scenarioId);
        redirect.addFlashAttribute("message", "Scenario \u201c" + s.name() + "\u201d deleted.");
        return "redirect:/plans/" + id + "/scenarios";
    }

    @GetMapping("/plans/{id}/compare")
    String compare(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved,
            @RequestParam(name = "s", required = false) List<Long> selected, Model model,
            RedirectAttributes redirect) {
        if (selected == null || selected.isEmpty() || selected.size() > 4) {
            redirect.addFlashAttribute("error", "Tick one to four scenarios to compare with the base plan; "
                    + (selected == null ? 0 : selected.size()) + " were ticked.");
            return "redirect:/plans/" + id + "/scenarios";
        }
        Plan base = planOf(saved);
        Compared compared = compared(id, base, selected);
        List<String> columns = compared.columns();
        List<Analysis> results = compared.results();
        List<ScenarioRow> chosen = compared.chosen();
        model.addAttribute("chosen", chosen);
        if (samples > 0) {
            try {
                List<Uncertainty> odds = new ArrayList<>(List.of(uncertainty.uncertainty(base, Map.of(), samples,
                        MonteCarlo.DEFAULT_SEED)));
                for (ScenarioRow row : chosen) {
                    odds.add(uncertainty.uncertainty(live.planReader().read(row.scenario().planJson()),
                            row.scenario().overrides(), samples, MonteCarlo.DEFAULT_SEED));
                }
                model.addAttribute("oddsTable", OddsTable.of(columns, odds));
            } catch (TooBusyException e) {
                // The comparison still answers; only the odds wait for the user's other sampled analysis.
                model.addAttribute("oddsBusy", e.getMessage());
            }
        }
        Comparison comparison = Comparison.forPeople(columns, results, labels::of);
        model.addAttribute("comparison", comparison);
        model.addAttribute("delayChart", DelayChart.svg(columns, results));
        model.addAttribute("csvQuery", selected.stream().map(sid -> "s=" + sid).reduce((a, b) -> a + "&" + b).orElse(""));
        return "plans/compare";
    }

    /** The base plan and the chosen scenarios, analysed: column names, answers, and each scenario's row. */
    private record Compared(List<String> columns, List<Analysis> results, List<ScenarioRow> chosen) {
    }

    private Compared compared(long id, Plan base, List<Long> selected) {
        List<String> columns = new ArrayList<>(List.of("Base plan"));
        List<Analysis> results = new ArrayList<>(List.of(live.analyze(base, Map.of())));
        List<ScenarioRow> chosen = new ArrayList<>();
        for (long sid : selected) {
            ScenarioRow row = ScenarioRow.of(scenarios.get(id, sid), base, live);
            chosen.add(row);
            columns.add(row.scenario().name());
            results.add(row.analysis());
        }
        return new Compared(columns, results, chosen);
    }

    /** The comparison as CSV, one row per line of the table, for a spreadsheet. */
    @GetMapping(path = "/plans/{id}/compare.csv")
    ResponseEntity<String> compareCsv(@PathVariable long id, @ModelAttribute(name = "saved", binding = false) SavedPlan saved,
            @RequestParam(name = "s", required = false) List<Long> selected) throws IOException {
        if (selected == null || selected.isEmpty() || selected.size() > 4) {
            throw new IllegalArgumentException("Tick one to four scenarios to compare with the base plan.");
        }
        Compared compared = compared(id, planOf(saved), selected);
        Comparison comparison = Comparison.of(compared.columns(), compared.results(), labels::of);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>(List.of(""));
            header.addAll(comparison.columns());
            csv.printRecord(header.stream().map(SpreadsheetText::cell).toList());
            for (Comparison.Row row : comparison.rows()) {
                List<String> cells = new ArrayList<>(List.of(row.label()));
                cells.addAll(row.cells());
                csv.printRecord(cells.stream().map(SpreadsheetText::cell).toList());
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(saved.fileName("-comparison.csv")).build().toString())
                .body(out.toString());
    }
}

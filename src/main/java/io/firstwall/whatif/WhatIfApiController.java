package io.firstwall.whatif;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firstwall.analysis.Analysis;
import io.firstwall.plan.Json;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanProblem;
import io.firstwall.plans.PlanStore;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.uncertainty.Answer;
import io.firstwall.uncertainty.LiveUncertainty;
import io.firstwall.uncertainty.MonteCarlo;
import io.firstwall.uncertainty.Uncertainty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What-if over REST: analyze a plan with fact overrides, save scenarios, compare them. A request
 * body is {@code {"name": ..., "plan": {v1 plan, optional}, "overrides": {"fact.id": value}}}; with
 * {@code ?samples=N[&seed=S]} each answer comes with how sure it is.
 */
@RestController
class WhatIfApiController {

    private final PlanStore plans;
    private final ScenarioStore scenarios;
    private final LiveAnalysis live;
    private final LiveUncertainty uncertainty;

    WhatIfApiController(PlanStore plans, ScenarioStore scenarios, LiveAnalysis live, LiveUncertainty uncertainty) {
        this.plans = plans;
        this.scenarios = scenarios;
        this.live = live;
        this.uncertainty = uncertainty;
    }

    /** A what-if: the base analysis, the scenario's, and their comparison. */
    record WhatIfResult(Analysis base, Analysis scenario, Comparison comparison,
            @JsonInclude(JsonInclude.Include.NON_NULL) Uncertainty baseUncertainty,
            @JsonInclude(JsonInclude.Include.NON_NULL) Uncertainty scenarioUncertainty) {
    }

    record ScenarioBody(long id, long planId, String name, JsonNode plan, Map<String, Double> overrides,
            Analysis analysis) {
    }

    /** A parsed request: the scenario's plan (the base when none was given) and its overrides. */
    private record Request(String name, Plan plan, Map<String, Double> overrides) {
    }

    private Request parse(String body, Plan base) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidPlanException(List.of(new PlanProblem(PlanProblem.WHOLE_PLAN, "not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPlanException(List.of(new PlanProblem(PlanProblem.WHOLE_PLAN, "not an object with plan and overrides")));
        }
        List<PlanProblem> problems = new ArrayList<>();
        Plan plan = base;
        if (root.hasNonNull("plan")) {
            try {
                plan = live.planReader().read(root.get("plan"));
            } catch (InvalidPlanException e) {
                e.problems().forEach(p -> problems.add(new PlanProblem("plan." + p.field(), p.message())));
            }
        }
        if (plan == null && problems.isEmpty()) {
            problems.add(new PlanProblem("plan", "is required"));
        }
        Map<String, Double> overrides = new LinkedHashMap<>();
        JsonNode o = root.get("overrides");
        if (o != null && !o.isNull()) {
            if (!o.isObject()) {
                problems.add(new PlanProblem("overrides", "must be an object of fact id to number"));
            } else {
                for (Map.Entry<String, JsonNode> e : o.properties()) {
                    if (live.facts().fact(e.getKey()).isEmpty()) {
                        problems.add(new PlanProblem("overrides." + e.getKey(), "there is no such fact"));
                    } else if (!e.getValue().isNumber()) {
                        problems.add(new PlanProblem("overrides." + e.getKey(), "must be a number"));
                    } else if (!Double.isFinite(e.getValue().asDouble())) {
                        problems.add(new PlanProblem("overrides." + e.getKey(), "must be a finite number; "
                                + e.getValue() + " is beyond what a number can hold"));
                    } else {
                        overrides.put(e.getKey(), e.getValue().asDouble());
                    }
                }
            }
        }
        String name = root.hasNonNull("name") ? root.get("name").asString().trim() : "";
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return new Request(name, plan, overrides);
    }

    private Plan base(long planId) {
        return live.planReader().read(plans.get(planId).json());
    }

    /** Analyze any plan with fact overrides, without saving anything. */
    @PostMapping(path = "/api/whatif", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Object whatIf(@RequestBody String body, @RequestParam(defaultValue = "0") int samples,
            @RequestParam(required = false) Long seed) {
        Request r = parse(body, null);
        Analysis analysis = live.analyze(r.plan(), r.overrides());
        return samples == 0 ? analysis : new Answer(analysis, uncertainty.uncertainty(r.plan(), r.overrides(), samples,
                seed == null ? MonteCarlo.DEFAULT_SEED : seed));
    }

    /** A what-if on a saved plan: the base result beside the scenario's. */
    @PostMapping(path = "/api/plans/{id}/whatif", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    WhatIfResult whatIf(@PathVariable long id, @RequestBody String body, @RequestParam(defaultValue = "0") int samples,
            @RequestParam(required = false) Long seed) {
        Plan base = base(id);
        Request r = parse(body, base);
        Analysis baseResult = live.analyze(base, Map.of());
        Analysis scenario = live.analyze(r.plan(), r.overrides());
        long s = seed == null ? MonteCarlo.DEFAULT_SEED : seed;
        return new WhatIfResult(baseResult, scenario,
                Comparison.of(List.of("Base", "What-if"), List.of(baseResult, scenario)),
                samples == 0 ? null : uncertainty.uncertainty(base, Map.of(), samples, s),
                samples == 0 ? null : uncertainty.uncertainty(r.plan(), r.overrides(), samples, s));
    }

    @GetMapping(path = "/api/plans/{id}/scenarios", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ScenarioBody> list(@PathVariable long id) {
        plans.get(id);
        return scenarios.list(id).stream().map(this::body).toList();
    }

    @PostMapping(path = "/api/plans/{id}/scenarios", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScenarioBody> create(@PathVariable long id, @RequestBody String body) {
        Request r = parse(body, base(id));
        if (r.name().isEmpty() || r.name().length() > 200) {
            throw new InvalidPlanException(List.of(new PlanProblem("name", "a scenario needs a name of 1 to 200 characters")));
        }
        long sid = scenarios.create(id, r.name(), r.plan(), r.overrides());
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/scenarios/" + sid))
                .body(body(scenarios.get(id, sid)));
    }

    @GetMapping(path = "/api/plans/{id}/scenarios/{sid}", produces = MediaType.APPLICATION_JSON_VALUE)
    ScenarioBody get(@PathVariable long id, @PathVariable long sid) {
        return body(scenarios.get(id, sid));
    }

    @DeleteMapping("/api/plans/{id}/scenarios/{sid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @PathVariable long sid) {
        scenarios.delete(id, sid);
    }

    /** Two to four saved scenarios beside the base plan. */
    @GetMapping(path = "/api/plans/{id}/compare", produces = MediaType.APPLICATION_JSON_VALUE)
    Comparison compare(@PathVariable long id, @RequestParam("scenario") List<Long> ids) {
        if (ids.size() < 2 || ids.size() > 4) {
            throw new IllegalArgumentException("compare two to four scenarios; " + ids.size() + " given");
        }
        List<String> columns = new ArrayList<>(List.of("Base plan"));
        List<Analysis> results = new ArrayList<>(List.of(live.analyze(base(id), Map.of())));
        for (long sid : ids) {
            Scenario s = scenarios.get(id, sid);
            columns.add(s.name());
            results.add(live.analyze(live.planReader().read(s.planJson()), s.overrides()));
        }
        return Comparison.of(columns, results);
    }

    private ScenarioBody body(Scenario s) {
        Plan plan = live.planReader().read(s.planJson());
        return new ScenarioBody(s.id(), s.planId(), s.name(), Json.MAPPER.readTree(s.planJson()), s.overrides(),
                live.analyze(plan, s.overrides()));
    }
}

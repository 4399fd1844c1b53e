package io.firstwall.plans;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.firstwall.analysis.Analysis;
import io.firstwall.plan.Json;
import io.firstwall.analysis.LiveAnalysis;
import tools.jackson.databind.JsonNode;

/** Saved plans over REST: the same actions as the plan pages. Plans are the v1 JSON format. */
@RestController
@RequestMapping(path = "/api/plans", produces = MediaType.APPLICATION_JSON_VALUE)
class PlanApiController {

    private final PlanStore plans;
    private final LiveAnalysis live;

    PlanApiController(PlanStore plans, LiveAnalysis live) {
        this.plans = plans;
        this.live = live;
    }

    /** A saved plan in a listing, with its first wall (null when feasible or not analysable). */
    record PlanSummary(long id, String name, Instant updatedAt, FirstWall firstWall, boolean feasible, String problem) {
    }

    record FirstWall(String factor, LocalDate bindsOn, Integer slipMonths) {
    }

    record SavedPlanBody(long id, Instant updatedAt, JsonNode plan) {
    }

    @GetMapping
    List<PlanSummary> list() {
        List<PlanSummary> out = new ArrayList<>();
        for (SavedPlan s : plans.list()) {
            try {
                Analysis a = live.analyze(live.planReader().read(s.json()), Map.of());
                FirstWall first = a.firstWall() == null ? null
                        : new FirstWall(a.firstWall().factor(), a.firstWall().bindsOn(), a.firstWall().slipMonths());
                out.add(new PlanSummary(s.id(), s.name(), s.updatedAt(), first, a.feasible(), null));
            } catch (RuntimeException e) {
                out.add(new PlanSummary(s.id(), s.name(), s.updatedAt(), null, false, e.getMessage()));
            }
        }
        return out;
    }

    @GetMapping("/{id}")
    SavedPlanBody get(@PathVariable long id) {
        SavedPlan s = plans.get(id);
        return new SavedPlanBody(s.id(), s.updatedAt(), Json.MAPPER.readTree(s.json()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SavedPlanBody> create(@RequestBody String planJson) {
        long id = plans.create(live.planReader().read(planJson));
        return ResponseEntity.created(URI.create("/api/plans/" + id)).body(get(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SavedPlanBody update(@PathVariable long id, @RequestBody String planJson) {
        plans.get(id);
        plans.update(id, live.planReader().read(planJson));
        return get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        plans.delete(id);
    }

    @GetMapping("/{id}/analysis")
    Analysis analysis(@PathVariable long id) {
        return live.analyze(live.planReader().read(plans.get(id).json()), Map.of());
    }
}

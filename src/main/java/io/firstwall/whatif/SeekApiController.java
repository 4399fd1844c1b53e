package io.firstwall.whatif;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.plan.Plan;
import io.firstwall.plans.PlanStore;
import io.firstwall.seek.LiveSeek;
import io.firstwall.seek.SeekRequest;
import io.firstwall.seek.SeekResult;
import io.firstwall.uncertainty.MonteCarlo;

/**
 * What would it take, over REST: {@code POST /api/seek} with a v1 plan as the body, or
 * {@code POST /api/plans/{id}/seek} for a saved plan. Parameters: {@code confidence} (0, the default:
 * point answers; 0.8: on time in 80% of samples), {@code samples} (per finalist; default 1,000 with a
 * confidence), {@code seed}, {@code lock} (fields to keep, comma-separated: {@code location,targets}),
 * {@code maxChanges} (1 to 4) and {@code top}. A bad value is a 400 problem that says which.
 */
@RestController
class SeekApiController {

    private final PlanStore plans;
    private final LiveAnalysis live;
    private final LiveSeek seek;

    SeekApiController(PlanStore plans, LiveAnalysis live, LiveSeek seek) {
        this.plans = plans;
        this.live = live;
        this.seek = seek;
    }

    @PostMapping(path = "/api/seek", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    SeekResult seek(@RequestBody String planJson, @RequestParam(defaultValue = "0") double confidence,
            @RequestParam(required = false) Integer samples, @RequestParam(required = false) Long seed,
            @RequestParam(required = false) String lock, @RequestParam(defaultValue = "3") int maxChanges,
            @RequestParam(defaultValue = "5") int top) {
        return seek.seek(live.planReader().read(planJson), request(confidence, samples, seed, lock, maxChanges, top));
    }

    @PostMapping(path = "/api/plans/{id}/seek", produces = MediaType.APPLICATION_JSON_VALUE)
    SeekResult seekSaved(@PathVariable long id, @RequestParam(defaultValue = "0") double confidence,
            @RequestParam(required = false) Integer samples, @RequestParam(required = false) Long seed,
            @RequestParam(required = false) String lock, @RequestParam(defaultValue = "3") int maxChanges,
            @RequestParam(defaultValue = "5") int top) {
        Plan plan = live.planReader().read(plans.get(id).json());
        return seek.seek(plan, request(confidence, samples, seed, lock, maxChanges, top));
    }

    private SeekRequest request(double confidence, Integer samples, Long seed, String lock, int maxChanges, int top) {
        int n = samples != null ? samples : confidence > 0 ? MonteCarlo.DEFAULT_SAMPLES : 0;
        if (n < 0 || n > MonteCarlo.MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be between 0 and " + MonteCarlo.MAX_SAMPLES + "; got " + n);
        }
        if (confidence > 0 && n == 0) {
            throw new IllegalArgumentException("a confidence needs samples (at least 1)");
        }
        return new SeekRequest(confidence, n, seed == null ? MonteCarlo.DEFAULT_SEED : seed,
                SeekRequest.locks(lock, live.planReader().attributes()), maxChanges, top);
    }
}

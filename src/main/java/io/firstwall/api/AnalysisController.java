package io.firstwall.api;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.plan.Plan;
import io.firstwall.system.FirstwallProperties;
import io.firstwall.uncertainty.Answer;
import io.firstwall.uncertainty.LiveUncertainty;
import io.firstwall.uncertainty.MonteCarlo;

/**
 * Analyses any plan without saving it. With {@code samples} (1 to 100,000) the answer carries an
 * {@code uncertainty} object from that many Latin hypercube samples; {@code seed} reproduces them.
 */
@RestController
@RequestMapping("/api/analyses")
class AnalysisController {

    private final LiveAnalysis live;
    private final LiveUncertainty uncertainty;
    private final FirstwallProperties properties;

    AnalysisController(LiveAnalysis live, LiveUncertainty uncertainty, FirstwallProperties properties) {
        this.live = live;
        this.uncertainty = uncertainty;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Object analyze(@RequestBody String planJson, @RequestParam(defaultValue = "0") int samples,
            @RequestParam(required = false) Long seed) {
        if (planJson.length() > properties.maxPlanBytes()) {
            throw new PayloadTooLargeException(planJson.length(), properties.maxPlanBytes());
        }
        Plan plan = live.planReader().read(planJson);
        Analysis analysis = live.analyze(plan, Map.of());
        if (samples == 0) {
            return analysis;
        }
        return new Answer(analysis, uncertainty.uncertainty(plan, Map.of(), samples,
                seed == null ? MonteCarlo.DEFAULT_SEED : seed));
    }
}

package io.firstwall.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.firstwall.analysis.Analysis;
import io.firstwall.system.FirstwallProperties;
import io.firstwall.analysis.LiveAnalysis;
import java.util.Map;

/** {@code POST /api/analyses}: a plan in the v1 JSON format goes in, its analysis comes out. */
@RestController
@RequestMapping("/api/analyses")
class AnalysisController {

    private final LiveAnalysis live;
    private final FirstwallProperties properties;

    AnalysisController(LiveAnalysis live, FirstwallProperties properties) {
        this.live = live;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Analysis analyze(@RequestBody String planJson) {
        if (planJson.length() > properties.maxPlanBytes()) {
            throw new PayloadTooLargeException(planJson.length(), properties.maxPlanBytes());
        }
        return live.analyze(live.planReader().read(planJson), Map.of());
    }
}

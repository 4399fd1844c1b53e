package io.firstwall.plans;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.firstwall.system.FirstwallProperties;
import io.firstwall.analysis.LiveAnalysis;

/** At start, an empty plan table gets the example plans of {@code data/plans/}. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExamplePlanSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExamplePlanSeeder.class);

    private final PlanStore plans;
    private final LiveAnalysis live;
    private final FirstwallProperties properties;

    ExamplePlanSeeder(PlanStore plans, LiveAnalysis live, FirstwallProperties properties) {
        this.plans = plans;
        this.live = live;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        int seeded = plans.seedIfEmpty(properties.dataDir().resolve("plans"), live.planReader());
        if (seeded > 0) {
            log.info("Seeded {} example plans from {}", seeded, properties.dataDir().resolve("plans"));
        }
    }
}

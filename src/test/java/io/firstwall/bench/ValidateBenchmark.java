package io.firstwall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.firstwall.FirstwallApplication;
import io.firstwall.editing.FactEditingService;
import io.firstwall.editing.Impact;
import io.firstwall.editing.RuleEditingService;
import io.firstwall.editing.Validation;
import io.firstwall.plans.PlanStore;
import io.firstwall.system.LiveAnalyzer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Validate plus impact preview over 100 saved plans, of a decision-table edit (the rule editor's
 * "Validate": allowlist, compile, rule tests, every saved plan before and after) and of a
 * fact edit (the facts review: every row read, facts the rules use, scenarios, every saved plan).
 * Prints each of 12 timings and the median of the last 10. Run from the repository root.
 */
public final class ValidateBenchmark {

    private ValidateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (var context = new SpringApplicationBuilder(FirstwallApplication.class)
                .web(WebApplicationType.NONE)
                .run("--firstwall.batch.cron=-", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--firstwall.rules-watch=false", "--spring.datasource.url=jdbc:h2:mem:validate-bench")) {
            PlanStore plans = context.getBean(PlanStore.class);
            LiveAnalyzer live = context.getBean(LiveAnalyzer.class);
            List<String> examples = new ArrayList<>();
            try (var files = Files.list(Path.of("data/plans"))) {
                for (Path f : files.sorted().toList()) {
                    examples.add(Files.readString(f));
                }
            }
            for (int i = 0; plans.count() < 100; i++) {
                plans.create(live.planReader().read(examples.get(i % examples.size())
                        .replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\": \"Variant " + i + "\"")));
            }
            RuleEditingService editing = context.getBean(RuleEditingService.class);
            String table = editing.liveFiles().get("permits/permits_by_region.drl.csv");
            Map<String, String> change = Map.of("permits/permits_by_region.drl.csv",
                    table.replace("US-TN,ONSITE_GAS,,FUEL_CELL,100,", "US-TN,ONSITE_GAS,,FUEL_CELL,1000,"));
            time("rules", () -> editing.validate(change));
            FactEditingService facts = context.getBean(FactEditingService.class);
            String permits = facts.liveFiles().get("facts/permits.csv");
            Map<String, String> factChange = Map.of("facts/permits.csv", permits.replaceFirst(
                    "permits.transmission_line_months,120,96,175,", "permits.transmission_line_months,12,,,"));
            time("facts", () -> facts.validate(factChange));
        }
    }

    private static void time(String what, Supplier<Validation> validate) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            Validation v = validate.get();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            times.add(ms);
            System.out.printf("ValidateBenchmark %s: run %d: %d ms, %d plans previewed, %d changed%n", what, i + 1, ms,
                    v.impact().size(), v.impact().stream().filter(Impact::changed).count());
        }
        List<Long> warm = new ArrayList<>(times.subList(2, times.size()));
        warm.sort(Long::compare);
        System.out.printf("ValidateBenchmark %s: median of runs 3-12: %d ms; first (cold) run: %d ms%n", what,
                warm.get(warm.size() / 2), times.get(0));
    }
}

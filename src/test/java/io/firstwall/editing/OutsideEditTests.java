package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.plan.Plan;
import io.firstwall.system.LiveAnalyzer;

/** Edits made in an expert's own editor (or a git pull) are picked up, checked, and go live or are rejected. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:outside-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class OutsideEditTests {

    static Path rulesDir;

    @DynamicPropertySource
    static void rulesCopy(DynamicPropertyRegistry registry) {
        rulesDir = io.firstwall.analysis.AnalysisFixtures.copyOfRules();
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
    }

    @Autowired
    RuleEditingService editing;

    @Autowired
    RuleWatcher watcher;

    @Autowired
    LiveAnalyzer live;

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 20 s").isTrue();
    }

    String memphisCascade() {
        try {
            Plan plan = live.planReader().read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
            return String.join(" ", live.analyze(plan, Map.of()).cascade());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aGoodOutsideEditGoesLiveAsARevision() throws Exception {
        assertThat(memphisCascade()).contains("PERMITS");
        Path table = rulesDir.resolve("permits/permits_by_region.drl.csv");
        Files.writeString(table, Files.readString(table).replace("US-TN,ONSITE_GAS,,100,", "US-TN,ONSITE_GAS,,1000,"));
        await(() -> !memphisCascade().contains("PERMITS"));
        assertThat(editing.revisions().get(0).author()).isEqualTo("external edit");
        assertThat(watcher.lastRejection()).isNull();
    }

    @Test
    void aBadOutsideEditIsRejectedWithItsLineAndTheLiveRulesStay() throws Exception {
        String before = editing.liveVersion();
        Path drl = rulesDir.resolve("grid/grid_interconnect.drl");
        Files.writeString(drl, Files.readString(drl).replace("Plan(power == Power.GRID)\n    $d", "Plan(power == )\n    $d"));
        await(() -> watcher.lastRejection() != null);
        assertThat(watcher.lastRejection()).contains("grid/grid_interconnect.drl").containsPattern("grid_interconnect.drl:\\d+:\\d+")
                .contains("the live rules stay");
        assertThat(editing.liveVersion()).isEqualTo(before);
        assertThat(memphisCascade()).contains("PERMITS");
    }
}

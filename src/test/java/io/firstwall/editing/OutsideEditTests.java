package io.firstwall.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Plan;
import io.firstwall.system.LiveAnalyzer;

/** Edits made in an expert's own editor (or a git pull) are picked up, checked, and go live or are rejected. */
@Tag("database")
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:outside-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class OutsideEditTests {

    static Path rulesDir;
    static Path dataDir;

    @DynamicPropertySource
    static void copies(DynamicPropertyRegistry registry) {
        rulesDir = AnalysisFixtures.copyOfRules();
        dataDir = AnalysisFixtures.copyOfData();
        registry.add("firstwall.rules-dir", () -> rulesDir.toString());
        registry.add("firstwall.data-dir", () -> dataDir.toString());
    }

    @Autowired
    RuleEditingService editing;

    @Autowired
    RuleWatcher watcher;

    @Autowired
    LiveAnalyzer live;

    @Autowired
    FactEditingService facts;

    @Autowired
    FactWatcher factWatcher;

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 20 s").isTrue();
    }

    String memphisCascade() {
        try {
            Plan plan = live.planReader().read(Files.readString(dataDir.resolve("plans/memphis-onsite-gas-1gw.json")));
            return String.join(" ", live.analyze(plan, Map.of()).cascade());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A browser's textarea sends CRLF line endings: ten publishes in a row alternating CRLF and LF are the app's own
     * writes, never taken for outside edits (no phantom "external edit" revision or audit entry).
     */
    @Test
    void publishesWithCrlfOrLfAreNeverMistakenForOutsideEdits() throws Exception {
        int before = editing.revisions().size();
        String path = "grid/grid_interconnect.drl";
        for (int i = 0; i < 10; i++) {
            String text = editing.liveFiles().get(path) + "// publish " + i + "\n";
            if (i % 2 == 0) {
                text = text.replace("\n", "\r\n");
            }
            editing.publish(Map.of(path, text), editing.liveVersion(), "expert", "publish " + i);
            assertThat(Files.readString(rulesDir.resolve(path))).doesNotContain("\r");
        }
        Thread.sleep(3000);
        watcher.check();
        assertThat(editing.revisions()).as("ten publishes, ten revisions").hasSize(before + 10)
                .noneSatisfy(r -> assertThat(r.author()).isEqualTo("external edit"));
        assertThat(editing.auditLog()).isNotEmpty().noneSatisfy(e -> assertThat(e.get("who")).isEqualTo("external edit"));
        assertThat(watcher.lastRejection()).isNull();
    }

    @Test
    void aGoodOutsideEditGoesLiveAsARevision() throws Exception {
        assertThat(memphisCascade()).contains("PERMITS");
        Path table = rulesDir.resolve("permits/permits_by_region.drl.csv");
        Files.writeString(table, Files.readString(table).replace("US-TN,ONSITE_GAS,,FUEL_CELL,100,", "US-TN,ONSITE_GAS,,FUEL_CELL,10000,"));
        await(() -> !memphisCascade().contains("PERMITS"));
        assertThat(editing.revisions().get(0).author()).isEqualTo("external edit");
        assertThat(watcher.lastRejection()).isNull();
    }

    @Test
    void aBadOutsideEditIsRejectedWithItsLineAndTheLiveRulesStay() throws Exception {
        String before = editing.liveVersion();
        Path drl = rulesDir.resolve("grid/grid_interconnect.drl");
        Files.writeString(drl, Files.readString(drl).replace("    $d : PhaseDemand()\nthen", "    $d : PhaseDemand(facilityMw == )\nthen"));
        await(() -> watcher.lastRejection() != null);
        assertThat(watcher.lastRejection()).contains("grid/grid_interconnect.drl").containsPattern("grid_interconnect.drl:\\d+:\\d+")
                .contains("the live rules stay");
        assertThat(editing.liveVersion()).isEqualTo(before);
        assertThat(memphisCascade()).contains("PERMITS");
    }

    String ercotFirstWall() {
        try {
            Plan plan = live.planReader().read(Files.readString(dataDir.resolve("plans/ercot-campus-new-line.json")));
            return live.analyze(plan, Map.of()).firstWall().factor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFactEditedOnDiskGoesLiveWithTheScenarioExpectationPulledAlongside() throws Exception {
        // As a git pull would bring them: a contested line certificate, and the ERCOT scenario's new expectation.
        Path scenario = rulesDir.resolve("tests/ercot-campus-new-line.json");
        Files.writeString(scenario, Files.readString(scenario).replace("\"GRID_INTERCONNECT\"", "\"PERMITS\""));
        Path permits = dataDir.resolve("facts/permits.csv");
        Files.writeString(permits, Files.readString(permits).replace("permits.tx.ccn_deadline_days,180,180,365,",
                "permits.tx.ccn_deadline_days,1800,,,"));
        await(() -> "PERMITS".equals(ercotFirstWall()));
        assertThat(facts.revisions().get(0).author()).isEqualTo("external edit");
        await(() -> editing.liveFiles().get("tests/ercot-campus-new-line.json").contains("PERMITS"));
        assertThat(factWatcher.lastRejection()).isNull();
    }

    @Test
    void aBadFactEditOnDiskIsRejectedWithItsLineAndTheLiveFactsStay() throws Exception {
        String before = facts.liveVersion();
        Path permits = dataDir.resolve("facts/permits.csv");
        Files.writeString(permits, Files.readString(permits).replace("permits.tx.ccn_deadline_days,180,",
                "permits.tx.ccn_deadline_days,soon,"));
        await(() -> factWatcher.lastRejection() != null);
        assertThat(factWatcher.lastRejection()).contains("facts/permits.csv:").contains("value 'soon' is not a number")
                .contains("the live facts stay");
        assertThat(facts.liveVersion()).isEqualTo(before);
        assertThat(ercotFirstWall()).isEqualTo("GRID_INTERCONNECT");
    }
}

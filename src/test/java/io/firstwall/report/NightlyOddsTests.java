package io.firstwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.facts.Fact;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Json;
import io.firstwall.system.LiveAnalyzer;
import tools.jackson.databind.JsonNode;

/**
 * The nightly report says how sure each answer is, and lists first the plans whose odds moved more
 * than 10 points since the run before, with why.
 */
@Tag("database")
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:batch-odds-${random.uuid};DB_CLOSE_DELAY=-1",
        "firstwall.batch.cron=-", "firstwall.batch.reports-dir=target/test-reports/batch-odds",
        "firstwall.batch.samples=300"})
@ActiveProfiles("test")
class NightlyOddsTests {

    static final String OHIO = "Central Ohio campus on gas engines while the grid is years out";

    static final Path REPORTS = Path.of("target/test-reports/batch-odds");

    @DynamicPropertySource
    static void copies(DynamicPropertyRegistry registry) {
        Path rules = AnalysisFixtures.copyOfRules();
        registry.add("firstwall.rules-dir", rules::toString);
        Path data = AnalysisFixtures.copyOfData();
        registry.add("firstwall.data-dir", data::toString);
    }

    @Autowired
    BatchService batch;

    @Autowired
    RunStore runs;

    @Autowired
    LiveAnalyzer live;

    @BeforeEach
    @AfterEach
    void cleanReports() throws IOException {
        NightlyBatchTests.deleteTree(REPORTS);
    }

    String report(String ext) throws IOException {
        RunStore.Run run = runs.list().get(0);
        return Files.readString(REPORTS.resolve(run.reportDate().toString()).resolve("report-" + run.runNumber() + "."
                + ext), StandardCharsets.UTF_8);
    }

    @Test
    void eachPlanSaysHowSureAndAPlanWhoseOddsMovedIsListedFirstWithWhy() throws Exception {
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        JsonNode first = Json.MAPPER.readTree(report("json"));
        JsonNode ohio = plan(first, OHIO);
        assertThat(ohio.get("uncertainty").get("mostLikely").asString()).isEqualTo("ELECTRICAL_EQUIPMENT");
        double before = ohio.get("uncertainty").get("mostLikelyProbability").asDouble();
        assertThat(before).isStrictlyBetween(0.3, 0.9);
        assertThat(plan(first, "1 GW on-site gas campus").get("uncertainty").get("odds").asString())
                .matches("TURBINE_SUPPLY 9\\d%, .*").endsWith("feasible 0%");
        assertThat(report("csv")).contains("most_likely,most_likely_probability,odds,delay_p10_months");
        assertThat(report("html")).contains("How sure").contains("electrical equipment ").doesNotContain("ELECTRICAL_EQUIPMENT");

        // Only the range of one fact narrows (its value stays): the Ohio plan's point answer stays,
        // its odds move (the engines installed no slower than the value: the equipment wall more often).
        FactBase facts = live.facts();
        try {
            List<Fact> narrowed = new ArrayList<>();
            for (Fact f : facts.facts()) {
                narrowed.add(f.id().equals("turbine.install_months") ? new Fact(f.id(), f.value(), f.low(), f.value(),
                        f.unit(), f.asOf(), f.source(), f.status(), f.note(), f.distribution()) : f);
            }
            live.swapFacts(new FactBase(narrowed, facts.regions().values(), facts.accelerators().values()), live.factFiles());
            assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        } finally {
            live.swapFacts(facts, live.factFiles());
        }
        JsonNode second = Json.MAPPER.readTree(report("json"));
        double after = plan(second, OHIO).get("uncertainty")
                .get("mostLikelyProbability").asDouble();
        assertThat(after - before).isGreaterThan(0.1);
        JsonNode change = second.get("changes").get(0);
        assertThat(change.get("name").asString()).isEqualTo(OHIO);
        assertThat(change.get("before").asString()).isEqualTo(change.get("after").asString());
        assertThat(change.get("oddsMove").asDouble()).isGreaterThan(0.1);
        assertThat(change.get("oddsAfter").asString()).startsWith("ELECTRICAL_EQUIPMENT");
        assertThat(change.get("why").get(0).asString()).contains("range may have changed");
        assertThat(report("html")).contains("Listed first: the plans whose most likely outcome changed");
    }

    static JsonNode plan(JsonNode report, String name) {
        for (JsonNode p : report.get("plans")) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no plan " + name);
    }
}

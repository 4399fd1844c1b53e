package io.firstwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.editing.FactEditingService;
import io.firstwall.editing.RuleEditingService;
import io.firstwall.plan.Json;
import io.firstwall.facts.FactBase;
import io.firstwall.backtest.Backtest;
import io.firstwall.rules.RuleCompiler;
import io.firstwall.system.LiveAnalyzer;
import tools.jackson.databind.JsonNode;

/** The nightly job over the real H2, rules and example plans (Spring Batch's test support for the job itself). */
@Tag("database")
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:batch-${random.uuid};DB_CLOSE_DELAY=-1",
        "firstwall.batch.cron=-", "firstwall.batch.reports-dir=target/test-reports/batch", "firstwall.batch.chunk-size=3",
        "firstwall.batch.samples=0"})
@SpringBatchTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class NightlyBatchTests {

    static final Path REPORTS = Path.of("target/test-reports/batch");

    @DynamicPropertySource
    static void rulesCopy(DynamicPropertyRegistry registry) {
        Path rules = AnalysisFixtures.copyOfRules();
        registry.add("firstwall.rules-dir", rules::toString);
        Path data = AnalysisFixtures.copyOfData();
        registry.add("firstwall.data-dir", data::toString);
    }

    @Autowired
    RuleEditingService editing;

    @Autowired
    FactEditingService factEditing;

    @Autowired
    BatchService batch;

    @Autowired
    RunStore runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LiveAnalyzer live;

    @Autowired
    JobOperatorTestUtils jobTestUtils;

    @Autowired
    org.springframework.core.env.Environment environment;

    @BeforeEach
    @AfterEach
    void cleanReports() throws IOException {
        deleteTree(REPORTS);
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    String report(String ext) throws IOException {
        RunStore.Run run = runs.list().get(0);
        return Files.readString(REPORTS.resolve(run.reportDate().toString()).resolve("report-" + run.runNumber() + "." + ext),
                StandardCharsets.UTF_8);
    }

    @Test
    void theJobAnalysesEveryExamplePlanAndWritesTheReport() throws Exception {
        JobExecution execution = jobTestUtils.startJob(new JobParametersBuilder()
                .addLong(BatchService.RUN_PARAMETER, 1L).toJobParameters());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long runId = execution.getJobInstance().getInstanceId();
        assertThat(runs.rowCount(runId)).isEqualTo(11);
        assertThat(runs.failedCount(runId)).isZero();
        String html = report("html");
        assertThat(html).contains("11 plans and scenarios analysed; 0 failed; 1 feasible")
                .contains("on-site generation").contains("This is the first run").contains("@media print")
                .contains("Rule set <code>" + live.analyzer().rules().version());
        // The manager's summary on top: what binds soon, what is past due, which facts to check, links to the plans.
        assertThat(html.indexOf("At a glance")).isLessThan(html.indexOf("First walls"));
        // One vocabulary: wall names, never codes, in what a manager reads (codes stay in the CSV and JSON).
        assertThat(html.substring(html.indexOf("<main>"))).doesNotContain("TURBINE_SUPPLY").doesNotContain("GRID_INTERCONNECT");
        assertThat(html).contains("id=\"report-nav\"").contains("<a href=\"/reports\">Reports</a>");
        assertThat(html).contains("href=\"/plans/").contains("id=\"past-due\"")
                .contains("accelerator.VR.available").contains("the date has passed: 2026-09-01")
                // The day a rule came into force, recorded after it, is history, not a date to watch.
                .doesNotContain("the date has passed: 2026-01-15");
        assertThat(html.substring(html.indexOf("id=\"past-due\""), html.indexOf("</table>", html.indexOf("id=\"past-due\""))))
                .contains("Retrofit of an existing hall");
        String csv = report("csv");
        // Numbers stand alone in their cells; units have columns of their own.
        assertThat(csv.lines().findFirst().orElseThrow()).contains("slip_months,open_ended,shortfall_amount,shortfall_unit")
                .contains("first_wall,first_wall_name,");
        assertThat(csv).contains(",TURBINE_SUPPLY,on-site generation,");
        assertThat(csv).contains(",1720,MW,").doesNotContain("\"1,720 MW\"").doesNotContain(",1720 MW,");
        assertThat(csv).startsWith("\uFEFFitem,plan_id,scenario_id,name,status,first_wall");
        assertThat(csv.lines().count()).isEqualTo(12);
        JsonNode json = Json.MAPPER.readTree(report("json"));
        assertThat(json.get("plans").size()).isEqualTo(11);
        assertThat(json.get("summary").get("firstWalls").get("TURBINE_SUPPLY").asInt()).isEqualTo(1);
        assertThat(json.get("provenance").get("ruleFiles").size()).isEqualTo(AnalysisFixtures.RULES.files().size());
    }

    @Test
    void aNameThatLooksLikeAFormulaIsWrittenAsTextInTheCsv() throws Exception {
        jdbc.sql("insert into saved_plan(name, plan_json, created_at, updated_at) values (?, ?, current_timestamp, current_timestamp)")
                .params("=HYPERLINK(\"http://evil.example\",\"x\")", "{\"name\": \"=cmd\", \"location\": \"MARS\"}").update();
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        String csv = report("csv");
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    /** A plan whose construction wall binds first while the grid holds its second phase for years: the report names both. */
    @Test
    void theWallThatSetsTheScheduleIsReportedBesideTheFirstWall() throws Exception {
        String plan = "{\"name\": \"Phased VA campus\", \"location\": \"US-VA\", \"power\": \"GRID\", \"accelerator\": \"GB300\","
                + " \"decisionDate\": \"2026-01-15\", \"phases\": [{\"online\": \"2026-06-30\", \"accelerators\": 100000},"
                + " {\"online\": \"2027-12-31\", \"accelerators\": 200000}, {\"online\": \"2036-12-31\", \"accelerators\": 400000}],"
                + " \"attributes\": {\"existingPowerMW\": 300}}";
        jdbc.sql("insert into saved_plan(name, plan_json, created_at, updated_at) values (?, ?, current_timestamp, current_timestamp)")
                .params("Phased VA campus", plan).update();
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        String csv = report("csv");
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(",schedule_wall,schedule_wall_name,schedule_max_delay_months,cheapest_fix");
        assertThat(csv.lines().filter(l -> l.contains("Phased VA campus")).findFirst().orElseThrow())
                .contains(",OK,CONSTRUCTION,").containsPattern(",GRID_INTERCONNECT,grid interconnection,\\d{2},\"");
        assertThat(report("html")).containsPattern("grid interconnection, \\d{2} months at worst");
        assertThat(report("json")).contains("\"scheduleWall\" : \"GRID_INTERCONNECT\"");
    }

    /** What would it take, every night: each late plan carries its cheapest fix, as seek gives it for that plan. */
    @Test
    void eachLatePlanCarriesItsCheapestFixAsSeekGivesIt() throws Exception {
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        JsonNode json = Json.MAPPER.readTree(report("json"));
        io.firstwall.plan.PlanReader reader = new io.firstwall.plan.PlanReader(AnalysisFixtures.FACTS,
                AnalysisFixtures.RULES.attributes());
        io.firstwall.plan.Plan ohio = reader.read(Files.readString(Path.of("data/plans/ohio-gas-engines.json")));
        String expected = io.firstwall.seek.SeekText.fix(new io.firstwall.seek.Seek(AnalysisFixtures.ANALYZER,
                new io.firstwall.uncertainty.MonteCarlo(AnalysisFixtures.ANALYZER)).seek(ohio, AnalysisFixtures.FACTS, reader,
                        new io.firstwall.seek.SeekRequest(0, 0, 0, java.util.Set.of(), 3, 1), null));
        boolean sawOhio = false;
        for (JsonNode p : json.get("plans")) {
            if (p.get("name").asString().equals(ohio.name())) {
                assertThat(p.path("cheapestFix").asString()).isEqualTo(expected).contains("every phase on time").contains("cost $");
                sawOhio = true;
            }
            if (p.path("firstWall").isNull() || p.path("firstWall").isMissingNode()) {
                assertThat(p.has("cheapestFix")).as(p.get("name").asString()).isFalse();
            }
        }
        assertThat(sawOhio).isTrue();
        assertThat(report("html")).contains("<th>Cheapest fix</th>").contains(org.springframework.web.util.HtmlUtils.htmlEscape(expected));
    }

    @Test
    void aPlanThatFailsIsReportedAndTheRunGoesOn() throws Exception {
        jdbc.sql("insert into saved_plan(name, plan_json, created_at, updated_at) values (?, ?, current_timestamp, current_timestamp)")
                .params("Broken plan", "{\"name\": \"Broken plan\", \"location\": \"MARS\"}").update();
        BatchService.StartResult result = batch.start(true);
        assertThat(result.status()).isEqualTo("COMPLETED");
        long runId = runs.list().get(0).runId();
        assertThat(runs.rowCount(runId)).isEqualTo(12);
        assertThat(runs.failedCount(runId)).isEqualTo(1);
        assertThat(jdbc.sql("select error from report_row where run_id = ? and status = 'FAILED'").param(runId)
                .query(String.class).single()).contains("unknown region 'MARS'");
        assertThat(report("html")).contains("1 failed").contains("unknown region");
    }

    @Test
    void aRunThatFailsMidwayRestartsWithoutCountingAnyPlanTwice() throws Exception {
        // The report folder cannot be made: a file stands where it should go, so "publish" fails after "analyze".
        Files.createDirectories(REPORTS);
        Path blocker = REPORTS.resolve(LocalDate.now().toString());
        Files.writeString(blocker, "not a folder");
        BatchService.StartResult failed = batch.start(true);
        assertThat(failed.status()).isEqualTo("FAILED");
        long runId = runs.list().get(0).runId();
        assertThat(runs.rowCount(runId)).isEqualTo(11);
        Files.delete(blocker);
        BatchService.StartResult restarted = batch.start(true);
        assertThat(restarted.status()).isEqualTo("COMPLETED");
        assertThat(restarted.runNumber()).isEqualTo(failed.runNumber());
        assertThat(runs.list()).hasSize(1);
        assertThat(runs.rowCount(runId)).isEqualTo(11);
        assertThat(jdbc.sql("select count(distinct item_key) from report_row where run_id = ?").param(runId)
                .query(Integer.class).single()).isEqualTo(11);
        assertThat(jdbc.sql("select count(*) from BATCH_STEP_EXECUTION s join BATCH_JOB_EXECUTION j"
                + " on j.job_execution_id = s.job_execution_id where j.job_instance_id = ? and s.step_name = 'analyze'")
                .param(runId).query(Integer.class).single()).as("the completed analyze step is not run again").isEqualTo(1);
    }

    /** A run, then a second run with these facts overridden in the live fact base, which is restored after. */
    void twoRunsWithOverrides(Map<String, Double> overrides) {
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        FactBase before = live.facts();
        try {
            live.swapFacts(before.withOverrides(overrides), live.factFiles());
            assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        } finally {
            live.swapFacts(before, live.factFiles());
        }
    }

    @Test
    void aFactEditIsNamedAsTheReasonForAChange() throws Exception {
        twoRunsWithOverrides(Map.of("turbine.heavy_duty.lead_months@2025-11-01", 24.0));
        RunStore.Run run = runs.list().get(0);
        List<ChangeDetector.Change> changes = changes(run);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("1 GW on-site gas campus");
            assertThat(c.before()).isEqualTo("TURBINE_SUPPLY on 2026-12-31, slip 49 months");
            assertThat(c.after()).isEqualTo("TURBINE_SUPPLY on 2026-12-31, slip 37 months");
            assertThat(c.why()).containsExactly("fact turbine.heavy_duty.lead_months@2025-11-01: 48 \u2192 24");
        });
        assertThat(report("html")).contains("Compared with run 1").contains("fact turbine.heavy_duty.lead_months@2025-11-01: 48 &rarr; 24");
    }

    /** The rules name a series; the change is one of its points, and the report names that point. */
    @Test
    void aChangedPointOfASeriesIsNamedAsTheReasonForAChange() throws Exception {
        twoRunsWithOverrides(Map.of("chip.cowos_wafers_per_month@2027-01-01", 20_000.0));
        List<ChangeDetector.Change> changes = changes(runs.list().get(0));
        assertThat(changes).filteredOn(c -> c.name().equals("Retrofit of an existing hall with spare power but no HBM allocation"))
                .singleElement().satisfies(c -> {
                    assertThat(c.before()).isNotEqualTo(c.after());
                    assertThat(c.why()).containsExactly("fact chip.cowos_wafers_per_month@2027-01-01: 110000 \u2192 20000");
                });
    }

    /**
     * Every run scores the rules against the real campuses; the report says the hit rate, the wall
     * identity and the coverage, and when they move, what moved them (here a published fact revision).
     */
    @Test
    void theBacktestRunsEveryNightAndAMoveIsNamedWithItsCause() throws Exception {
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        Backtest.Totals before = Backtest.run(dataDir().resolve("backtests"), live.analyzer(), live.facts()).totals();
        String first = report("html");
        assertThat(first).contains("The backtest: the rules against real campuses")
                .contains("Hit rate: " + before.hits() + " of " + before.delayScored())
                .contains("Wall identity: " + before.wallMatches() + " of " + before.wallScored())
                .contains("P10-P90 coverage: not sampled").contains("No earlier run has a backtest to compare with");
        String chips = factEditing.liveFiles().get("facts/chips.csv");
        // Tesla's July 2024 order for Cortex (a hit today) would wait a year for its chips.
        String row = chips.lines().filter(l -> l.startsWith("chip.order_lead_months@2024-04-01,")).findFirst().orElseThrow();
        var revision = factEditing.publish(Map.of("facts/chips.csv", chips.replace(row,
                "chip.order_lead_months@2024-04-01,12,,,months,2024-06,servers on allocation,secondary,")),
                factEditing.liveVersion(), "expert", "chips on allocation", true);
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        Backtest.Totals after = Backtest.run(dataDir().resolve("backtests"), live.analyzer(), live.facts()).totals();
        assertThat(after.hits()).as("Tesla Cortex waits for its chips and misses").isLessThan(before.hits());
        String html = report("html");
        assertThat(html).contains("Since the previous run:").contains("hit rate: " + before.hits() + " of "
                + before.delayScored()).contains("fact revision " + revision.id() + " by expert: \u201cchips on allocation\u201d");
        JsonNode json = Json.MAPPER.readTree(report("json")).get("backtest");
        assertThat(json.get("hitRate").asString()).startsWith(after.hits() + " of " + after.delayScored());
        assertThat(json.get("causes").get(0).asString()).contains("fact revision " + revision.id());
        assertThat(json.get("leaks").asInt()).isZero();
    }

    Path dataDir() {
        return Path.of(environment.getProperty("firstwall.data-dir"));
    }

    @Test
    void aBrokenBacktestFileIsReportedAndTheReportIsStillWritten() throws Exception {
        Files.writeString(dataDir().resolve("backtests/zz-broken.json"), "{\"project\": ");
        try {
            assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
            assertThat(report("html")).contains("The backtest could not run: zz-broken.json: not valid JSON");
        } finally {
            Files.delete(dataDir().resolve("backtests/zz-broken.json"));
        }
    }

    @Test
    void aPublishedFactRevisionIsNamedWithItsAuthorAndMessage() throws Exception {
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        String turbines = factEditing.liveFiles().get("facts/turbines.csv");
        var revision = factEditing.publish(Map.of("facts/turbines.csv", turbines.replace(
                "turbine.heavy_duty.lead_months@2025-11-01,48,36,72,", "turbine.heavy_duty.lead_months@2025-11-01,24,,,")),
                factEditing.liveVersion(), "expert", "a foundry adds a line", false);
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        assertThat(changes(runs.list().get(0))).singleElement().satisfies(c -> assertThat(c.why()).containsExactly(
                "fact turbine.heavy_duty.lead_months@2025-11-01: 48 \u2192 24 (fact revision " + revision.id()
                        + " by expert: \u201ca foundry adds a line\u201d)"));
    }

    @Test
    void aRuleEditIsNamedAsTheReasonForAChange(@TempDir Path dir) throws Exception {
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        var original = live.analyzer().rules();
        Map<String, String> files = new TreeMap<>(original.files());
        files.put("permits/permits_by_region.drl.csv", files.get("permits/permits_by_region.drl.csv").replace(
                "US-TX,,false,,0,permits.local_approval_months.US-TX", "US-TX,,false,,0,permits.transmission_line_months"));
        try {
            live.swapRules(RuleCompiler.compile(files));
            assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        } finally {
            live.swapRules(original);
        }
        List<ChangeDetector.Change> changes = changes(runs.list().get(0));
        assertThat(changes).isNotEmpty().allSatisfy(c -> assertThat(c.why()).anySatisfy(w -> assertThat(w)
                .startsWith("rule file permits/permits_by_region.drl.csv changed").contains("PERM-021")));
        assertThat(changes).extracting(ChangeDetector.Change::name).contains("ERCOT campus on a new 345 kV line");
    }

    @Test
    void aPublishedRuleRevisionIsNamedWithItsAuthorAndMessage() throws Exception {
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        Map<String, String> files = editing.liveFiles();
        var revision = editing.publish(Map.of("permits/permits_by_region.drl.csv", files.get("permits/permits_by_region.drl.csv")
                .replace("US-TX,,false,,0,permits.local_approval_months.US-TX", "US-TX,,false,,0,permits.transmission_line_months"),
                "tests/multi-gw-2030-buildout.json", files.get("tests/multi-gw-2030-buildout.json")
                        .replace("\"CHIP_SUPPLY\", \"bindsOn\": \"2027-12-31\"", "\"PERMITS\", \"bindsOn\": \"2027-12-31\""),
                "tests/ercot-campus-new-line.json", files.get("tests/ercot-campus-new-line.json")
                        .replace("\"GRID_INTERCONNECT\"", "\"PERMITS\"")),
                editing.liveVersion(), "expert", "Texas zoning takes as long as a new line");
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        assertThat(changes(runs.list().get(0))).isNotEmpty().allSatisfy(c -> assertThat(c.why()).anySatisfy(w -> assertThat(w)
                .contains("PERM-021").contains("revision " + revision.id() + " by expert: \u201cTexas zoning takes as long as a new line\u201d")));
    }

    @Test
    void aPlanEditIsNamedAsTheReasonForAChange() throws Exception {
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        // The retrofit's GB300 come from February 2027 (12-month order lead): moved to mid-2027, it is feasible.
        jdbc.sql("update saved_plan set plan_json = replace(plan_json, '\"online\" : \"2026-09-30\"', '\"online\" : \"2027-06-30\"')"
                + " where name = 'Retrofit of an existing hall with spare power but no HBM allocation'").update();
        assertThat(batch.start(true).status()).isEqualTo("COMPLETED");
        assertThat(changes(runs.list().get(0))).singleElement().satisfies(c -> {
            assertThat(c.before()).startsWith("CHIP_SUPPLY");
            assertThat(c.after()).isEqualTo("feasible");
            assertThat(c.why()).containsExactly("the plan was edited");
        });
    }

    @Test
    void twoStartsAtOnceGiveOneRun() throws Exception {
        BatchService.StartResult first = batch.start(false);
        BatchService.StartResult second = batch.start(false);
        assertThat(first.started()).isTrue();
        assertThat(second.started()).isFalse();
        assertThat(second.status()).isEqualTo("ALREADY_RUNNING");
        assertThat(second.message()).contains("already going");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (batch.running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runs.list()).hasSize(1);
        assertThat(batch.runs().get(0).status()).isEqualTo("COMPLETED");
    }

    List<ChangeDetector.Change> changes(RunStore.Run run) throws Exception {
        JsonNode json = Json.MAPPER.readTree(report("json"));
        List<ChangeDetector.Change> out = new ArrayList<>();
        for (JsonNode c : json.get("changes")) {
            List<String> why = new ArrayList<>();
            c.get("why").forEach(w -> why.add(w.asString()));
            out.add(new ChangeDetector.Change(c.get("itemKey").asString(), c.get("name").asString(),
                    c.get("before").asString(), c.get("after").asString(), why));
        }
        assertThat(json.get("run").asLong()).isEqualTo(run.runNumber());
        return out;
    }
}

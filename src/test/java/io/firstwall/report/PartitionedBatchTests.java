package io.firstwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Plan;
import io.firstwall.plans.PlanStore;
import io.firstwall.plans.SavedPlan;
import io.firstwall.system.LiveAnalyzer;

/**
 * The nightly run as remote partitions, manager and worker in one process on one database (the
 * multi-process run with a killed worker is {@code ClusterTests}): requests go through the database
 * queue, the worker analyses against the files the run pinned, and the rows are those of a run here.
 */
@Tag("database")
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:partitioned-${random.uuid};DB_CLOSE_DELAY=-1",
        "firstwall.batch.cron=-", "firstwall.batch.reports-dir=target/test-reports/partitioned",
        "firstwall.batch.chunk-size=2", "firstwall.batch.samples=0", "firstwall.batch.partitions=3",
        "firstwall.batch.worker=true", "firstwall.batch.worker-poll=100ms", "firstwall.batch.partition-timeout=2m", "firstwall.rules-watch=false"})
class PartitionedBatchTests {

    @DynamicPropertySource
    static void copies(DynamicPropertyRegistry registry) {
        registry.add("firstwall.rules-dir", () -> AnalysisFixtures.copyOfRules().toString());
        registry.add("firstwall.data-dir", () -> AnalysisFixtures.copyOfData().toString());
    }

    @Autowired
    BatchService batch;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanStore plans;

    @Autowired
    LiveAnalyzer live;

    @Test
    void workersAnalyseEveryPlanOnceInPartitionsAndAgreeWithTheAnalyzer() {
        BatchService.StartResult result = batch.start(true);
        assertThat(result.status()).as(result.message()).isEqualTo("COMPLETED");

        List<String> partitions = jdbc.sql("select step_name || ' ' || status from BATCH_STEP_EXECUTION"
                + " where step_name like 'analyzePartition:%' order by step_name").query(String.class).list();
        assertThat(partitions).as("three partitions, each run by the worker through the database queue")
                .containsExactly("analyzePartition:partition0 COMPLETED", "analyzePartition:partition1 COMPLETED",
                        "analyzePartition:partition2 COMPLETED");
        assertThat(jdbc.sql("select count(*) from INT_CHANNEL_MESSAGE").query(Long.class).single())
                .as("every request was taken").isZero();

        long items = jdbc.sql("select count(*) from " + RunStore.ITEMS).query(Long.class).single();
        assertThat(items).isGreaterThan(3);
        assertThat(jdbc.sql("select count(*) from report_row").query(Long.class).single()).isEqualTo(items);
        assertThat(jdbc.sql("select count(distinct item_key) from report_row").query(Long.class).single())
                .isEqualTo(items);
        assertThat(jdbc.sql("select pinned_rules from report_run").query(String.class).single())
                .as("the run pinned the rule files it analyses against").contains("grid/grid_interconnect.drl");

        for (SavedPlan plan : plans.list()) {
            Analysis here = live.analyzeForReport(live.planReader().read(plan.json()), Map.of());
            String wall = jdbc.sql("select first_wall from report_row where item_key = ?").param("plan:" + plan.id())
                    .query(String.class).optional().orElse(null);
            assertThat(wall).as(plan.name()).isEqualTo(here.firstWall() == null ? null : here.firstWall().factor());
        }
    }

    @Autowired
    RemotePartitioning.Requests requests;

    @Test
    void aRequestNoWorkerCanRunLeavesTheQueueInsteadOfBlockingIt() throws Exception {
        requests.channel().send(MessageBuilder.withPayload(new StepExecutionRequest(RemotePartitioning.WORKER_STEP,
                987_654L)).build());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jdbc.sql("select count(*) from INT_CHANNEL_MESSAGE").query(Long.class).single() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jdbc.sql("select count(*) from INT_CHANNEL_MESSAGE").query(Long.class).single()).isZero();
        assertThat(batch.start(true).status()).as("the next run still finds a free queue").isEqualTo("COMPLETED");
    }

    @Autowired
    RemotePartitioning.PinnedRuns pinnedRuns;

    @Autowired
    RunStore runs;

    @Test
    void aWorkerAnalysesAgainstTheFilesTheRunPinnedNotTheLiveOnes() throws Exception {
        Map<String, String> factFiles = new TreeMap<>(live.factFiles());
        String path = factFiles.keySet().stream().filter(p -> factFiles.get(p).contains("turbine.heavy_duty.lead_months@2025-11-01,"))
                .findFirst().orElseThrow();
        String slower = factFiles.get(path).lines().map(l -> l.startsWith("turbine.heavy_duty.lead_months@2025-11-01,")
                ? l.replaceFirst("^turbine\\.heavy_duty\\.lead_months@2025-11-01,[^,]*,", "turbine.heavy_duty.lead_months@2025-11-01,72,") : l)
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(slower).contains("turbine.heavy_duty.lead_months@2025-11-01,72,");
        factFiles.put(path, slower);
        jdbc.sql("insert into report_run(run_id, run_number, report_date, rule_version, rule_files, fact_version, facts,"
                + " total_items, started_at) values (990, 990, current_date, 'x', '{}', 'x', '{}', 0, current_timestamp)")
                .update();
        runs.pin(990, live.analyzer().rules().files(), factFiles);

        Plan plan = live.planReader().read(Files.readString(Path.of("data/plans/memphis-onsite-gas-1gw.json")));
        Analysis pinned = pinnedRuns.of(990).analyzeForReport(plan, Map.of());
        Analysis now = live.analyzeForReport(plan, Map.of());
        assertThat(pinned.factBaseVersion()).isNotEqualTo(now.factBaseVersion()).isNotNull();
        assertThat(pinned.ruleSetVersion()).isEqualTo(now.ruleSetVersion());
        assertThat(pinned.wall("TURBINE_SUPPLY").orElseThrow().maxDelayMonths())
                .as("six-year turbine lead times in the pinned files, not the live ones")
                .isGreaterThan(now.wall("TURBINE_SUPPLY").orElseThrow().maxDelayMonths());
    }
}

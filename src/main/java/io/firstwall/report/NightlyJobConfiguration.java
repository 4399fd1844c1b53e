package io.firstwall.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import io.firstwall.facts.Fact;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.uncertainty.LiveUncertainty;
import io.firstwall.plan.Json;

/**
 * The job {@value #JOB}: record what the run analyses against, analyse every saved plan and
 * scenario in chunks (restartable from the last committed chunk), then publish the report.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BatchProperties.class)
class NightlyJobConfiguration {

    static final String JOB = "nightlyReport";

    @Bean
    Job nightlyReport(JobRepository jobs, Step snapshot, Step analyze, Step backtest, Step publish) {
        return new JobBuilder(JOB, jobs).start(snapshot).next(analyze).next(backtest).next(publish).build();
    }

    /** The backtest against the same rules and facts, its totals kept with the run (see {@link BacktestScores}). */
    @Bean
    Step backtest(JobRepository jobs, PlatformTransactionManager tx, BacktestScores scores) {
        return new StepBuilder("backtest", jobs).tasklet((contribution, context) -> {
            scores.record(context.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId());
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    Step snapshot(JobRepository jobs, PlatformTransactionManager tx, LiveAnalysis live, RunStore runs, Clock clock) {
        return new StepBuilder("snapshot", jobs).tasklet((contribution, context) -> {
            var execution = context.getStepContext().getStepExecution().getJobExecution();
            long runId = execution.getJobInstance().getInstanceId();
            if (!runs.exists(runId)) {
                Map<String, String> files = new TreeMap<>();
                live.analyzer().rules().files().forEach((path, text) -> files.put(path, ReportRowProcessor.hash(text)));
                Map<String, Double> facts = new LinkedHashMap<>();
                for (Fact f : live.facts().facts()) {
                    facts.put(f.id(), f.value());
                }
                long runNumber = execution.getJobParameters().getLong(BatchService.RUN_PARAMETER);
                runs.insert(new RunStore.Run(runId, runNumber, LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()),
                        live.analyzer().rules().version(), files,
                        ReportRowProcessor.hash(Json.MAPPER.writeValueAsString(facts)), facts,
                        runs.countItems(), clock.instant(), null, null));
                runs.pin(runId, live.analyzer().rules().files(), live.factFiles());
            }
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<WorkItem> workItems(DataSource dataSource, BatchProperties properties) throws Exception {
        return workItemReader("workItems", dataSource, properties.chunkSize()).build();
    }

    /** The plans and scenarios of a run in item-key order, restartable; a partition adds its range. */
    static JdbcPagingItemReaderBuilder<WorkItem> workItemReader(String name, DataSource dataSource, int pageSize) {
        return new JdbcPagingItemReaderBuilder<WorkItem>().name(name).dataSource(dataSource)
                .selectClause("item_key, plan_id, scenario_id, name, plan_json, overrides_json")
                .fromClause(RunStore.ITEMS).sortKeys(Map.of("item_key", Order.ASCENDING)).pageSize(pageSize)
                .rowMapper((rs, n) -> new WorkItem(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .saveState(true);
    }

    /**
     * The batch's analysers, one thread per core, as a bean of its own (not an Executor, so Boot's
     * application task executor stays as it is): the context shuts the pool down when it closes.
     */
    static final class Analysers implements DisposableBean {
        final ThreadPoolTaskExecutor pool =
                new ThreadPoolTaskExecutor();

        Analysers(int threads) {
            pool.setCorePoolSize(threads);
            pool.setThreadNamePrefix("analyse-");
            pool.setDaemon(true);
            pool.initialize();
        }

        @Override
        public void destroy() {
            pool.shutdown();
        }
    }

    @Bean
    Analysers reportAnalysers() {
        return new Analysers(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Analyses every plan: here, in chunks, or, with {@code firstwall.batch.partitions} above 0, by the
     * batch workers of {@link RemotePartitioning} as partitions of the plans.
     */
    @Bean
    Step analyze(JobRepository jobs, PlatformTransactionManager tx, JdbcPagingItemReader<WorkItem> workItems,
            LiveAnalysis live, LiveUncertainty uncertainty, RunStore runs, BatchProperties properties,
            Analysers analysers, RemotePartitioning.Requests requests) {
        if (properties.partitions() > 0) {
            return RemotePartitioning.managerStep(jobs, runs, properties, requests);
        }
        return analysing("analyze", jobs, tx, workItems, new ReportRowProcessor(live, uncertainty, properties.samples(),
                properties.cheapestFix()),
                runs, properties, analysers).build();
    }

    /**
     * The chunk step that analyses items, here or on a worker. Items of a chunk are analysed on all cores;
     * reading and writing stay on one thread, so the reader's position and the rows commit together and a
     * restart resumes exactly.
     */
    static ChunkOrientedStepBuilder<WorkItem, ReportRow> analysing(String name, JobRepository jobs,
            PlatformTransactionManager tx, ItemReader<WorkItem> reader, ReportRowProcessor processor, RunStore runs,
            BatchProperties properties, Analysers analysers) {
        ReportRowWriter writer = new ReportRowWriter(runs);
        return new StepBuilder(name, jobs).<WorkItem, ReportRow>chunk(properties.chunkSize()).transactionManager(tx)
                .taskExecutor(analysers.pool).reader(reader).processor(processor).writer(writer).listener(writer);
    }

    @Bean
    Step publish(JobRepository jobs, PlatformTransactionManager tx, ReportPublisher publisher) {
        return new StepBuilder("publish", jobs).tasklet((contribution, context) -> {
            long runId = context.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
            publisher.publish(runId);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}

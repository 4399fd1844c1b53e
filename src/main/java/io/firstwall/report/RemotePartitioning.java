package io.firstwall.report;

import java.lang.management.ManagementFactory;
import java.sql.DatabaseMetaData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.endpoint.PollingConsumer;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.H2ChannelMessageStoreQueryProvider;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.integration.transaction.TransactionInterceptorBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.PeriodicTrigger;
import org.springframework.transaction.PlatformTransactionManager;

import io.firstwall.system.FirstwallProperties;
import io.firstwall.system.PinnedAnalysis;

/**
 * The nightly run across worker JVMs, with Spring Batch's own remote partitioning and no broker: the
 * manager ({@code firstwall.batch.partitions} above 0) splits the plans into ranges of item keys and
 * sends one request per partition into a queue kept in the shared database (Spring Integration's JDBC
 * channel message store); workers ({@code batch --worker}) take one request at a time and analyse
 * its partition against the rule and fact files the run pinned when it started; the manager polls
 * the job repository until every partition has finished.
 *
 * <p>A worker takes a request and runs its whole partition in one database transaction. If the
 * worker dies (SIGKILL, a lost machine), the database rolls that transaction back: no row of the
 * partition is kept, the partition's step execution is as the manager made it, and the request is
 * back in the queue for the next worker. Every plan is analysed exactly once in the rows that remain.
 */
@Configuration(proxyBeanMethods = false)
@EnableIntegration
class RemotePartitioning {

    static final String WORKER_STEP = "analyzePartition";
    private static final String QUEUE = "nightly-partitions";
    private static final Logger log = LoggerFactory.getLogger(RemotePartitioning.class);

    /** The queue of partition requests in the shared database. */
    record Requests(QueueChannel channel) {
    }

    @Bean
    Requests partitionRequests(DataSource dataSource) throws Exception {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        store.setChannelMessageStoreQueryProvider(product.toLowerCase().contains("postgres")
                ? new PostgresChannelMessageStoreQueryProvider() : new H2ChannelMessageStoreQueryProvider());
        store.setRegion("firstwall");
        // Requests are Java-serialized messages; only these classes may be read back.
        store.addAllowedPatterns("java.util.*", "java.lang.*", "org.springframework.messaging.*",
                "org.springframework.integration.support.*", "org.springframework.integration.message.*",
                StepExecutionRequest.class.getName());
        store.afterPropertiesSet();
        return new Requests(new QueueChannel(new MessageGroupQueue(store, QUEUE)));
    }

    /** The manager's analyze step: partitions of the plans, sent to the workers, then waited for. */
    static Step managerStep(JobRepository jobs, RunStore runs, BatchProperties properties, Requests requests) {
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(WORKER_STEP);
        handler.setGridSize(properties.partitions());
        handler.setMessagingOperations(new MessagingTemplate(requests.channel()));
        handler.setJobRepository(jobs);
        handler.setPollInterval(500);
        handler.setTimeout(properties.partitionTimeout().toMillis());
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new StepBuilder("analyze", jobs).partitioner(WORKER_STEP, byItemKey(runs)).partitionHandler(handler)
                .build();
    }

    /**
     * Contiguous ranges of item keys, as the database sorts them, of near-equal size; the first starts
     * below every key and the last has no end, so that every item falls in exactly one partition.
     */
    static Partitioner byItemKey(RunStore runs) {
        return gridSize -> {
            List<String> keys = runs.itemKeys();
            int parts = Math.max(1, Math.min(gridSize, keys.size()));
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (int i = 0; i < parts; i++) {
                ExecutionContext context = new ExecutionContext();
                int start = (int) ((long) keys.size() * i / parts);
                int next = (int) ((long) keys.size() * (i + 1) / parts);
                context.putString("from", i == 0 ? "" : keys.get(start));
                if (i < parts - 1) {
                    context.putString("to", keys.get(next));
                }
                partitions.put("partition" + i, context);
            }
            return partitions;
        };
    }

    /** A partition's plans: from its first key (inclusive) to the next partition's first (exclusive). */
    @Bean
    @StepScope
    JdbcPagingItemReader<WorkItem> partitionItems(DataSource dataSource, BatchProperties properties,
            @Value("#{stepExecutionContext['from']}") String from, @Value("#{stepExecutionContext['to']}") String to)
            throws Exception {
        Map<String, Object> range = new HashMap<>();
        range.put("from", from);
        if (to != null) {
            range.put("to", to);
        }
        return NightlyJobConfiguration.workItemReader("partitionItems", dataSource, properties.chunkSize())
                .whereClause(to == null ? "item_key >= :from" : "item_key >= :from and item_key < :to")
                .parameterValues(range).build();
    }

    /** Each run's pinned rules and facts, compiled once per worker. */
    static final class PinnedRuns {
        private final Map<Long, PinnedAnalysis> byRun = new ConcurrentHashMap<>();
        private final RunStore runs;
        private final FirstwallProperties properties;

        PinnedRuns(RunStore runs, FirstwallProperties properties) {
            this.runs = runs;
            this.properties = properties;
        }

        PinnedAnalysis of(long runId) {
            return byRun.computeIfAbsent(runId, id -> {
                RunStore.Pinned pinned = runs.pinned(id);
                return new PinnedAnalysis(pinned.ruleFiles(), pinned.factFiles(), properties.analysisBudget());
            });
        }
    }

    @Bean
    PinnedRuns pinnedRuns(RunStore runs, FirstwallProperties properties) {
        return new PinnedRuns(runs, properties);
    }

    @Bean
    @StepScope
    ReportRowProcessor partitionProcessor(PinnedRuns pinned, BatchProperties properties,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long runId) {
        PinnedAnalysis analysis = pinned.of(runId);
        return new ReportRowProcessor(analysis, analysis, properties.samples(), properties.cheapestFix());
    }

    /** The step a worker runs for one partition: the local analyze step over the partition's range. */
    @Bean
    Step analyzePartition(JobRepository jobs, PlatformTransactionManager tx, JdbcPagingItemReader<WorkItem> partitionItems,
            ReportRowProcessor partitionProcessor, RunStore runs, BatchProperties properties,
            NightlyJobConfiguration.Analysers analysers) {
        Progress progress = new Progress();
        return NightlyJobConfiguration.analysing(WORKER_STEP, jobs, tx, partitionItems, partitionProcessor, runs,
                properties, analysers).listener((StepExecutionListener) progress)
                .listener((ItemWriteListener<ReportRow>) progress).build();
    }

    /** What a worker says it is doing, so that an operator (or a test) can see a partition in progress. */
    static final class Progress implements StepExecutionListener, ItemWriteListener<ReportRow> {
        private static final String PID = Long.toString(ManagementFactory.getRuntimeMXBean().getPid());
        private volatile String partition = "";

        @Override
        public void beforeStep(StepExecution stepExecution) {
            partition = stepExecution.getStepName();
            log.info("Worker {} started {} of run {}", PID, partition,
                    stepExecution.getJobExecution().getJobInstance().getInstanceId());
        }

        @Override
        public void afterWrite(Chunk<? extends ReportRow> rows) {
            log.info("Worker {} analysed {} plans of {}", PID, rows.size(), partition);
        }
    }

    /**
     * A worker: takes one partition request at a time from the database queue and runs its step, the
     * whole partition inside the transaction that took the request (see the class comment).
     */
    @Bean
    @ConditionalOnProperty(name = "firstwall.batch.worker", havingValue = "true")
    PollingConsumer partitionWorker(Requests requests, JobRepository jobs, Step analyzePartition,
            PlatformTransactionManager tx, BatchProperties properties, JdbcClient jdbc) {
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobs);
        StepLocator steps = name -> WORKER_STEP.equals(name) ? analyzePartition : null;
        handler.setStepLocator(steps);
        PollingConsumer consumer = new PollingConsumer(requests.channel(), message -> {
            StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
            // A request that names no step execution or another step (a run deleted, a request from another
            // version) could never run anywhere: it leaves the queue instead of blocking it. Checked with a
            // plain query, since a failed repository call would roll back the transaction that took it.
            if (!WORKER_STEP.equals(request.getStepName()) || jdbc.sql("select count(*) from BATCH_STEP_EXECUTION"
                    + " where step_execution_id = ?").param(request.getStepExecutionId()).query(Long.class).single() == 0) {
                log.error("Dropping partition request {}: no such partition in the job repository", request);
                return;
            }
            handler.handle(request);
        });
        consumer.setTrigger(new PeriodicTrigger(properties.workerPoll()));
        consumer.setMaxMessagesPerPoll(1);
        consumer.setAdviceChain(List.of(new TransactionInterceptorBuilder().transactionManager(tx).build()));
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("partition-worker-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        consumer.setTaskScheduler(scheduler);
        consumer.setErrorHandler(e -> log.warn("A partition request failed; it stays in the queue for the next poll: {}",
                e.getMessage(), e));
        return consumer;
    }
}

package io.firstwall.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Starts the nightly job, at most one at a time. A start while a run is going is refused and told
 * so. A run left unfinished (a failure, or a process killed with kill -9 that has not moved for
 * {@code firstwall.batch.stale-after}) is restarted from its last committed chunk with the same run
 * number; otherwise a new run number begins.
 */
@Service
public class BatchService {

    static final String RUN_PARAMETER = "run";
    private static final Logger log = LoggerFactory.getLogger(BatchService.class);

    /** What a start did. */
    public record StartResult(boolean started, long runNumber, String status, String message) {
    }

    /** A run for the batch page: its progress, outcome and report. */
    public record RunView(long runId, long runNumber, String date, String status, int done, int total, int failed,
            Instant startedAt, Instant finishedAt, String reportBase) {
    }

    private final JobOperator jobs;
    private final JobRepository repository;
    private final Job job;
    private final RunStore runs;
    private final BatchProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Set<Long> launchedHere = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nightly-report");
        t.setDaemon(true);
        return t;
    });

    BatchService(JobOperator jobs, JobRepository repository, Job nightlyReport, RunStore runs, BatchProperties properties,
            JdbcClient jdbc, Clock clock) {
        this.jobs = jobs;
        this.repository = repository;
        this.job = nightlyReport;
        this.runs = runs;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Starts a run; {@code wait} runs it on this thread (CLI, schedule, tests), else in the background. */
    public synchronized StartResult start(boolean wait) {
        Optional<StartResult> refused = refuseIfRunning();
        if (refused.isPresent()) {
            return refused.get();
        }
        JobParameters params = nextParameters();
        long runNumber = params.getLong(RUN_PARAMETER);
        busy.set(true);
        if (wait) {
            return launch(params, runNumber);
        }
        background.submit(() -> launch(params, runNumber));
        return new StartResult(true, runNumber, "STARTING", "Run " + runNumber + " started.");
    }

    private StartResult launch(JobParameters params, long runNumber) {
        try {
            JobExecution execution = jobs.start(job, params);
            launchedHere.add(execution.getId());
            String status = execution.getStatus().name();
            String message = execution.getStatus() == BatchStatus.COMPLETED ? "Run " + runNumber + " completed."
                    : "Run " + runNumber + " ended " + status + ": " + execution.getExitStatus().getExitDescription();
            return new StartResult(true, runNumber, status, message);
        } catch (JobExecutionAlreadyRunningException e) {
            return new StartResult(false, runNumber, "ALREADY_RUNNING",
                    "Run " + runNumber + " is already going in another process; this start was not needed.");
        } catch (Exception e) {
            log.warn("Run {} could not start: {}", runNumber, e.getMessage(), e);
            return new StartResult(false, runNumber, "FAILED", "Run " + runNumber + " could not start: " + e.getMessage());
        } finally {
            busy.set(false);
        }
    }

    private Optional<StartResult> refuseIfRunning() {
        if (busy.get()) {
            return Optional.of(new StartResult(false, currentRunNumber(), "ALREADY_RUNNING",
                    "A run is already going here; this start was not needed. Its progress is on the batch page."));
        }
        for (JobExecution running : repository.findRunningJobExecutions(NightlyJobConfiguration.JOB)) {
            long runNumber = running.getJobParameters().getLong(RUN_PARAMETER);
            if (launchedHere.contains(running.getId()) || !stale(running)) {
                return Optional.of(new StartResult(false, runNumber, "ALREADY_RUNNING", "Run " + runNumber
                        + " is already going (started " + running.getStartTime() + "); this start was not needed."));
            }
            log.warn("Run {} (execution {}) has not moved for {} and is not running here: it was killed; "
                    + "restarting it from its last committed chunk", runNumber, running.getId(), properties.staleAfter());
            jobs.recover(running);
        }
        return Optional.empty();
    }

    private long currentRunNumber() {
        JobInstance last = repository.getLastJobInstance(NightlyJobConfiguration.JOB);
        JobExecution execution = last == null ? null : repository.getLastJobExecution(last);
        return execution == null ? 0 : execution.getJobParameters().getLong(RUN_PARAMETER);
    }

    private boolean stale(JobExecution running) {
        LocalDateTime last = running.getLastUpdated() != null ? running.getLastUpdated() : running.getCreateTime();
        JobInstance instance = running.getJobInstance();
        for (String step : List.of("snapshot", "analyze", "publish")) {
            StepExecution s = repository.getLastStepExecution(instance, step);
            if (s != null && s.getLastUpdated() != null && s.getLastUpdated().isAfter(last)) {
                last = s.getLastUpdated();
            }
        }
        Duration quiet = Duration.between(last.atZone(ZoneId.systemDefault()).toInstant(), clock.instant());
        return quiet.compareTo(properties.staleAfter()) >= 0;
    }

    /** Restart the last run if it did not complete; otherwise the next run number. */
    private JobParameters nextParameters() {
        JobInstance last = repository.getLastJobInstance(NightlyJobConfiguration.JOB);
        long runNumber = 1;
        JobExecution lastExecution = last == null ? null : repository.getLastJobExecution(last);
        if (lastExecution != null) {
            long lastNumber = lastExecution.getJobParameters().getLong(RUN_PARAMETER);
            runNumber = lastExecution.getStatus() == BatchStatus.COMPLETED
                    || lastExecution.getStatus() == BatchStatus.ABANDONED ? lastNumber + 1 : lastNumber;
        }
        return new JobParametersBuilder().addLong(RUN_PARAMETER, runNumber).toJobParameters();
    }

    /** The runs, newest first, with live progress for one that is going. */
    public List<RunView> runs() {
        List<RunView> views = new ArrayList<>();
        for (RunStore.Run run : runs.list()) {
            String status = jdbc.sql("select status from BATCH_JOB_EXECUTION where job_instance_id = ?"
                    + " order by job_execution_id desc limit 1").param(run.runId()).query(String.class).optional()
                    .orElse("UNKNOWN");
            views.add(new RunView(run.runId(), run.runNumber(), run.reportDate().toString(), status,
                    runs.rowCount(run.runId()), run.totalItems(), runs.failedCount(run.runId()), run.startedAt(),
                    run.finishedAt(), run.finishedAt() == null ? null : ReportPublisher.baseName(run)));
        }
        return views;
    }

    public boolean running() {
        return busy.get() || !repository.findRunningJobExecutions(NightlyJobConfiguration.JOB).isEmpty();
    }
}

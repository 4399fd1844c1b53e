package io.firstwall.report;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The nightly batch, prefix {@code firstwall.batch}.
 *
 * @param cron when it runs (server local time); {@code -} switches the schedule off
 * @param reportsDir where reports are written, one folder per date
 * @param chunkSize plans analysed per transaction
 * @param staleAfter a run that has not moved for this long, and is not running here, was killed: it is restarted
 * @param samples Latin hypercube samples per plan to say how sure each answer is (0: point answers only)
 * @param partitions 0: this process analyses every plan; above 0: the plans are split into this many
 *        partitions that batch workers ({@code batch --worker}) on the same database analyse
 * @param partitionTimeout how long a partitioned run waits for its workers before it fails
 * @param worker whether this process takes partitions from the database (the {@code batch --worker} verb)
 * @param workerPoll how often an idle worker asks the database for a partition
 * @param cheapestFix whether each late answer gets its cheapest fix (what would it take, in point answers: a few
 *        hundred analyses per late plan, so a portfolio of thousands of variants may switch it off)
 */
@ConfigurationProperties("firstwall.batch")
public record BatchProperties(@DefaultValue("0 0 2 * * *") String cron, @DefaultValue("reports") Path reportsDir,
        @DefaultValue("500") int chunkSize, @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("1000") int samples, @DefaultValue("0") int partitions,
        @DefaultValue("6h") Duration partitionTimeout, @DefaultValue("false") boolean worker,
        @DefaultValue("500ms") Duration workerPoll, @DefaultValue("true") boolean cheapestFix) {
}

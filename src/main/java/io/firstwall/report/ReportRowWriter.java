package io.firstwall.report;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of rows in the chunk's own transaction, so that a chunk is either committed with
 * the reader's position or not at all: a restart neither loses nor repeats an item.
 */
class ReportRowWriter implements ItemWriter<ReportRow>, StepExecutionListener {

    private final RunStore runs;
    private long runId;

    ReportRowWriter(RunStore runs) {
        this.runs = runs;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    /**
     * Stores the chunk, each row fitted to the columns that hold it ({@link ReportRow#fitted}): a text
     * too long is cut with a mark, a wall's name too long makes that row a failed one that says so, so
     * that one bad answer never fails the run.
     */
    @Override
    public void write(Chunk<? extends ReportRow> chunk) {
        runs.insertRows(runId, chunk.getItems().stream().map(ReportRow::fitted).toList());
    }
}

package io.firstwall.report;

import java.sql.Date;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of rows in the chunk's own transaction, so that a chunk is either committed with
 * the reader's position or not at all: a restart neither loses nor repeats an item.
 */
class ReportRowWriter implements ItemWriter<ReportRow>, StepExecutionListener {

    private final JdbcTemplate jdbc;
    private long runId;

    ReportRowWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    @Override
    public void write(Chunk<? extends ReportRow> chunk) {
        jdbc.batchUpdate("insert into report_row(run_id, item_key, plan_id, scenario_id, name, plan_hash, status, error,"
                + " first_wall, binds_on, slip_months, open_ended, shortfall, explanation, cascade, rule_ids, fact_ids)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk.getItems(), chunk.size(),
                (ps, r) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, r.itemKey());
                    ps.setLong(3, r.planId());
                    ps.setObject(4, r.scenarioId());
                    ps.setString(5, r.name());
                    ps.setString(6, r.planHash());
                    ps.setString(7, r.status());
                    ps.setString(8, r.error());
                    ps.setString(9, r.firstWall());
                    ps.setDate(10, r.bindsOn() == null ? null : Date.valueOf(r.bindsOn()));
                    ps.setObject(11, r.slipMonths());
                    ps.setObject(12, r.openEnded());
                    ps.setString(13, r.shortfall());
                    ps.setString(14, r.explanation());
                    ps.setString(15, r.cascade());
                    ps.setString(16, r.ruleIds());
                    ps.setString(17, r.factIds());
                });
    }
}

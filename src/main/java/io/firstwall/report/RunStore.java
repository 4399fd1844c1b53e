package io.firstwall.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firstwall.plan.Json;
import tools.jackson.core.type.TypeReference;

/** The runs' provenance and rows in H2. */
@Repository
public class RunStore {

    private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Double>> NUMBERS = new TypeReference<>() {
    };

    /** What a run analysed against: rule set and fact base versions, per-file hashes and fact values. */
    public record Run(long runId, long runNumber, LocalDate reportDate, String ruleVersion, Map<String, String> ruleFiles,
            String factVersion, Map<String, Double> facts, int totalItems, Instant startedAt, Instant finishedAt,
            String reportDir) {
    }

    private final JdbcClient jdbc;

    public RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static final String ITEMS = "(select 'plan:' || p.id as item_key, p.id as plan_id, cast(null as bigint) as scenario_id,"
            + " p.name as name, p.plan_json as plan_json, '{}' as overrides_json from saved_plan p"
            + " union all select 'scenario:' || s.id, s.plan_id, s.id, p.name || ' / ' || s.name, s.plan_json,"
            + " s.overrides_json from scenario s join saved_plan p on p.id = s.plan_id) items";

    public int countItems() {
        return jdbc.sql("select count(*) from " + ITEMS).query(Integer.class).single();
    }

    public boolean exists(long runId) {
        return jdbc.sql("select count(*) from report_run where run_id = ?").param(runId).query(Integer.class).single() > 0;
    }

    public void insert(Run r) {
        jdbc.sql("insert into report_run(run_id, run_number, report_date, rule_version, rule_files, fact_version, facts,"
                + " total_items, started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.runId(), r.runNumber(), r.reportDate(), r.ruleVersion(),
                        Json.MAPPER.writeValueAsString(r.ruleFiles()), r.factVersion(),
                        Json.MAPPER.writeValueAsString(r.facts()), r.totalItems(), r.startedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public void finish(long runId, Instant at, String dir) {
        jdbc.sql("update report_run set finished_at = ?, report_dir = ? where run_id = ?")
                .params(at.atOffset(ZoneOffset.UTC), dir, runId).update();
    }

    private Run row(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.time.OffsetDateTime finished = rs.getObject("finished_at", java.time.OffsetDateTime.class);
        return new Run(rs.getLong("run_id"), rs.getLong("run_number"), rs.getObject("report_date", LocalDate.class),
                rs.getString("rule_version"), Json.MAPPER.readValue(rs.getString("rule_files"), STRINGS),
                rs.getString("fact_version"), Json.MAPPER.readValue(rs.getString("facts"), NUMBERS),
                rs.getInt("total_items"), rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("report_dir"));
    }

    public Optional<Run> find(long runId) {
        return jdbc.sql("select * from report_run where run_id = ?").param(runId).query((rs, n) -> row(rs)).optional();
    }

    /** The last finished run before this one, to compare against. */
    public Optional<Run> previousFinished(long runId) {
        return jdbc.sql("select * from report_run where finished_at is not null and run_id <> ? and run_number < "
                + "(select run_number from report_run where run_id = ?) order by run_number desc limit 1")
                .params(runId, runId).query((rs, n) -> row(rs)).optional();
    }

    public List<Run> list() {
        return jdbc.sql("select * from report_run order by run_number desc").query((rs, n) -> row(rs)).list();
    }

    public int rowCount(long runId) {
        return jdbc.sql("select count(*) from report_row where run_id = ?").param(runId).query(Integer.class).single();
    }

    public int failedCount(long runId) {
        return jdbc.sql("select count(*) from report_row where run_id = ? and status = 'FAILED'").param(runId)
                .query(Integer.class).single();
    }
}

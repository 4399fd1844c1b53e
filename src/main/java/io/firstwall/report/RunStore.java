package io.firstwall.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.firstwall.plan.Json;
import tools.jackson.core.type.TypeReference;

/** The runs' provenance and rows in the database: every SQL statement of the nightly report. */
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
    private final JdbcTemplate template;

    public RunStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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

    /** Records the rule files and fact files a run analyses against, whole, for workers elsewhere. */
    public void pin(long runId, Map<String, String> ruleFiles, Map<String, String> factFiles) {
        jdbc.sql("update report_run set pinned_rules = ?, pinned_facts = ? where run_id = ?")
                .params(Json.MAPPER.writeValueAsString(ruleFiles), Json.MAPPER.writeValueAsString(factFiles), runId)
                .update();
    }

    /** The rule files and fact files a run was pinned to. */
    public record Pinned(Map<String, String> ruleFiles, Map<String, String> factFiles) {
    }

    public Pinned pinned(long runId) {
        return jdbc.sql("select pinned_rules, pinned_facts from report_run where run_id = ?").param(runId)
                .query((rs, n) -> rs.getString(1) == null ? null
                        : new Pinned(Json.MAPPER.readValue(rs.getString(1), STRINGS),
                                Json.MAPPER.readValue(rs.getString(2), STRINGS)))
                .optional().orElseThrow(() -> new IllegalStateException("run " + runId
                        + " recorded no rule and fact files; it was started by a version without batch workers"));
    }

    /** Every item key of the run's plans and scenarios, in the order the database sorts them. */
    public List<String> itemKeys() {
        return jdbc.sql("select item_key from " + ITEMS + " order by item_key").query(String.class).list();
    }

    public void finish(long runId, Instant at, String dir) {
        jdbc.sql("update report_run set finished_at = ?, report_dir = ? where run_id = ?")
                .params(at.atOffset(ZoneOffset.UTC), dir, runId).update();
    }

    private Run row(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new Run(rs.getLong("run_id"), rs.getLong("run_number"), rs.getObject("report_date", LocalDate.class),
                rs.getString("rule_version"), Json.MAPPER.readValue(rs.getString("rule_files"), STRINGS),
                rs.getString("fact_version"), Json.MAPPER.readValue(rs.getString("facts"), NUMBERS),
                rs.getInt("total_items"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
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

    /** Stores a chunk of a run's rows. */
    public void insertRows(long runId, List<? extends ReportRow> rows) {
        template.batchUpdate("insert into report_row(run_id, item_key, plan_id, scenario_id, name, plan_hash, status, error,"
                + " first_wall, binds_on, slip_months, open_ended, shortfall, explanation, cascade, rule_ids, fact_ids,"
                + " top_outcome, top_probability, odds, delay_p10, delay_p50, delay_p90, schedule_wall, schedule_delay_months,"
                + " cheapest_fix) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, rows.size(),
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
                    ps.setString(18, r.topOutcome());
                    ps.setObject(19, r.topProbability());
                    ps.setString(20, r.odds());
                    ps.setObject(21, r.delayP10());
                    ps.setObject(22, r.delayP50());
                    ps.setObject(23, r.delayP90());
                    ps.setString(24, r.scheduleWall());
                    ps.setObject(25, r.scheduleDelayMonths());
                    ps.setString(26, r.cheapestFix());
                });
    }

    private static ReportRow reportRow(ResultSet rs, String prefix) throws SQLException {
        return new ReportRow(rs.getString(prefix + "item_key"), rs.getLong(prefix + "plan_id"),
                rs.getObject(prefix + "scenario_id", Long.class), rs.getString(prefix + "name"),
                rs.getString(prefix + "plan_hash"), rs.getString(prefix + "status"), rs.getString(prefix + "error"),
                rs.getString(prefix + "first_wall"), rs.getObject(prefix + "binds_on", LocalDate.class),
                rs.getObject(prefix + "slip_months", Integer.class), rs.getObject(prefix + "open_ended", Boolean.class),
                rs.getString(prefix + "shortfall"), rs.getString(prefix + "explanation"), rs.getString(prefix + "cascade"),
                rs.getString(prefix + "rule_ids"), rs.getString(prefix + "fact_ids"), rs.getString(prefix + "top_outcome"),
                rs.getObject(prefix + "top_probability", Double.class), rs.getString(prefix + "odds"),
                rs.getObject(prefix + "delay_p10", Integer.class), rs.getObject(prefix + "delay_p50", Integer.class),
                rs.getObject(prefix + "delay_p90", Integer.class), rs.getString(prefix + "schedule_wall"),
                rs.getObject(prefix + "schedule_delay_months", Integer.class), rs.getString(prefix + "cheapest_fix"));
    }

    private static final String ROW_COLUMNS = "item_key, plan_id, scenario_id, name, plan_hash, status, error, first_wall,"
            + " binds_on, slip_months, open_ended, shortfall, explanation, cascade, rule_ids, fact_ids, top_outcome,"
            + " top_probability, odds, delay_p10, delay_p50, delay_p90, schedule_wall, schedule_delay_months, cheapest_fix";

    /**
     * A run's rows in report order, read as they are consumed so that memory does not grow with the
     * number of plans; the caller closes the stream (and with it the connection's cursor).
     */
    public Stream<ReportRow> rows(long runId) {
        return jdbc.sql("select " + ROW_COLUMNS + " from report_row where run_id = ? order by name, item_key").param(runId)
                .query((rs, n) -> reportRow(rs, "")).stream();
    }

    /** How many rows of a run hit each first wall, most first. */
    public Map<String, Integer> firstWallCounts(long runId) {
        Map<String, Integer> walls = new LinkedHashMap<>();
        jdbc.sql("select first_wall, count(*) from report_row where run_id = ? and status = 'OK' and first_wall is not null"
                + " group by first_wall order by count(*) desc, first_wall").param(runId)
                .query((ResultSet rs) -> {
                    walls.put(rs.getString(1), rs.getInt(2));
                });
        return walls;
    }

    public int feasibleCount(long runId) {
        return jdbc.sql("select count(*) from report_row where run_id = ? and status = 'OK' and first_wall is null")
                .param(runId).query(Integer.class).single();
    }

    /** The rows whose wall binds first. */
    public List<ReportRow> earliestWalls(long runId, int limit) {
        return jdbc.sql("select " + ROW_COLUMNS + " from report_row where run_id = ? and first_wall is not null"
                + " order by binds_on, name limit ?").params(runId, limit).query((rs, n) -> reportRow(rs, "")).list();
    }

    /** The rows whose first wall binds from {@code from} up to {@code to} (inclusive), soonest first. */
    public List<ReportRow> bindingBetween(long runId, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + ROW_COLUMNS + " from report_row where run_id = ? and first_wall is not null"
                + " and binds_on >= ? and binds_on <= ? order by binds_on, name").params(runId, from, to)
                .query((rs, n) -> reportRow(rs, "")).list();
    }

    /** The rows whose first wall already binds before {@code date}: a phase date passed with the wall still there. */
    public List<ReportRow> pastDue(long runId, LocalDate date) {
        return jdbc.sql("select " + ROW_COLUMNS + " from report_row where run_id = ? and first_wall is not null"
                + " and binds_on < ? order by binds_on, name").params(runId, date).query((rs, n) -> reportRow(rs, "")).list();
    }

    /** The rows that slip most, open-ended first. */
    public List<ReportRow> mostSevere(long runId, int limit) {
        return jdbc.sql("select " + ROW_COLUMNS + " from report_row where run_id = ? and first_wall is not null"
                + " order by open_ended desc, slip_months desc, name limit ?").params(runId, limit)
                .query((rs, n) -> reportRow(rs, "")).list();
    }

    /** A revision of the rules or the facts made between two runs: id, author, message. */
    public record RevisionNote(long id, String author, String message) {
    }

    /** The revisions of {@code rule_revision} or {@code fact_revision} made after {@code from} up to {@code to}. */
    public List<RevisionNote> revisionsBetween(String table, Instant from, Instant to) {
        if (!table.equals("rule_revision") && !table.equals("fact_revision")) {
            throw new IllegalArgumentException("no revision table " + table);
        }
        return jdbc.sql("select id, author, message from " + table + " where created_at > ? and created_at <= ?"
                + " and kind <> 'initial' order by id").params(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new RevisionNote(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Each row of a run whose answer differs from the earlier run's (status, first wall, date, slip,
     * or, where both runs have odds, the most likely outcome or its probability by more than 10
     * points), with the earlier row, or null when the item is new, in report order.
     */
    public void forEachChangedRow(long earlierRunId, long runId, BiConsumer<ReportRow, ReportRow> now) {
        String earlier = ROW_COLUMNS.replaceAll("(\\w+)", "p.$1 p_$1");
        jdbc.sql("select " + ROW_COLUMNS.replaceAll("(\\w+)", "c.$1") + ", " + earlier
                + " from report_row c left join report_row p on p.run_id = ? and p.item_key = c.item_key"
                + " where c.run_id = ? and (p.item_key is null or c.status <> p.status"
                + " or coalesce(c.first_wall, '-') <> coalesce(p.first_wall, '-')"
                + " or coalesce(c.binds_on, date '1900-01-01') <> coalesce(p.binds_on, date '1900-01-01')"
                + " or coalesce(c.slip_months, -1) <> coalesce(p.slip_months, -1)"
                + " or coalesce(c.open_ended, false) <> coalesce(p.open_ended, false)"
                + " or (c.top_probability is not null and p.top_probability is not null"
                + " and (c.top_outcome <> p.top_outcome or abs(c.top_probability - p.top_probability) > 0.1)))"
                + " order by c.name, c.item_key")
                .params(earlierRunId, runId)
                .query((ResultSet rs) -> {
                    now.accept(reportRow(rs, ""), rs.getString("p_item_key") == null ? null : reportRow(rs, "p_"));
                });
    }

    /** The rows of the earlier run whose item is not in the later one (deleted since), in name order. */
    public List<ReportRow> missingFrom(long runId, long earlierRunId) {
        return jdbc.sql("select " + ROW_COLUMNS + " from report_row p where p.run_id = ? and not exists"
                + " (select 1 from report_row c where c.run_id = ? and c.item_key = p.item_key) order by p.name")
                .params(earlierRunId, runId).query((rs, n) -> reportRow(rs, "")).list();
    }
}

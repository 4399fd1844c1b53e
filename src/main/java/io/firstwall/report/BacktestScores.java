package io.firstwall.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.firstwall.analysis.AnalysisException;
import io.firstwall.analysis.LiveAnalysis;
import io.firstwall.backtest.Backtest;
import io.firstwall.system.FirstwallProperties;
import io.firstwall.uncertainty.MonteCarlo;

/**
 * The backtest at every nightly run: its totals stored with the run, and in the report the change since
 * the last run with its cause (the rule and fact revisions in between, or the backtest files themselves).
 * A backtest that cannot run (a broken project file) is reported as such; the report is still written.
 */
@Component
public class BacktestScores {

    private static final Logger log = LoggerFactory.getLogger(BacktestScores.class);

    /** One run's backtest totals; {@code error} instead when it could not run. */
    public record Score(long runId, int scored, int delayScored, int hits, int wallScored, int wallMatches,
            int coverageScored, int covered, Double meanError, int leaks, String filesHash, String error, String table) {

        public String hitRate() {
            return ratio(hits, delayScored);
        }

        public String wallIdentity() {
            return ratio(wallMatches, wallScored);
        }

        public String coverage() {
            return coverageScored == 0 ? "not sampled" : ratio(covered, coverageScored);
        }

        public String meanErrorText() {
            return meanError == null ? "none" : String.format(Locale.ROOT, "%+.1f months", meanError);
        }

        private static String ratio(int n, int of) {
            return n + " of " + of + (of == 0 ? "" : " (" + Math.round(100.0 * n / of) + "%)");
        }
    }

    /** This run's score beside the last run's, with what moved and why. */
    public record Movement(Score now, Score before, List<String> moved, List<String> causes) {
    }

    private final JdbcClient jdbc;
    private final LiveAnalysis live;
    private final Path dir;
    private final BatchProperties properties;
    private final RunStore runs;

    BacktestScores(JdbcClient jdbc, LiveAnalysis live, FirstwallProperties firstwall, BatchProperties properties,
            RunStore runs) {
        this.jdbc = jdbc;
        this.live = live;
        this.dir = firstwall.dataDir().resolve("backtests");
        this.properties = properties;
        this.runs = runs;
    }

    /** Runs the backtest for a run, once (a restarted run keeps its first score). */
    public void record(long runId) {
        if (find(runId).isPresent()) {
            return;
        }
        String hash = filesHash();
        Score score;
        try {
            Backtest.Result r = Backtest.run(dir, live.analyzer(), live.facts(), properties.samples(),
                    MonteCarlo.DEFAULT_SEED);
            Backtest.Totals t = r.totals();
            score = new Score(runId, t.scored(), t.delayScored(), t.hits(), t.wallScored(), t.wallMatches(),
                    t.coverageScored(), t.covered(), t.meanSignedError(), r.leaks().size(), hash, null, Backtest.table(r));
        } catch (IOException | IllegalArgumentException | AnalysisException e) {
            log.warn("The backtest could not run for run {}: {}", runId, e.getMessage());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            score = new Score(runId, 0, 0, 0, 0, 0, 0, 0, null, 0, hash, message.length() > 2000
                    ? message.substring(0, 2000) : message, "");
        }
        Score s = score;
        jdbc.sql("insert into backtest_score(run_id, scored, delay_scored, hits, wall_scored, wall_matches,"
                + " coverage_scored, covered, mean_error, leaks, files_hash, error, table_text)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.runId(), s.scored(), s.delayScored(), s.hits(), s.wallScored(), s.wallMatches(),
                        s.coverageScored(), s.covered(), s.meanError(), s.leaks(), s.filesHash(), s.error(), s.table())
                .update();
    }

    public Optional<Score> find(long runId) {
        return jdbc.sql("select * from backtest_score where run_id = ?").param(runId)
                .query((rs, n) -> new Score(rs.getLong("run_id"), rs.getInt("scored"), rs.getInt("delay_scored"),
                        rs.getInt("hits"), rs.getInt("wall_scored"), rs.getInt("wall_matches"),
                        rs.getInt("coverage_scored"), rs.getInt("covered"), (Double) rs.getObject("mean_error",
                                Double.class), rs.getInt("leaks"), rs.getString("files_hash"), rs.getString("error"),
                        rs.getString("table_text")))
                .optional();
    }

    /** This run's score and what moved since {@code previous}, or empty when this run has none. */
    public Optional<Movement> movement(RunStore.Run run, RunStore.Run previous) {
        Optional<Score> now = find(run.runId());
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Score before = previous == null ? null : find(previous.runId()).orElse(null);
        List<String> moved = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        if (before != null) {
            Score n = now.get();
            change(moved, "hit rate", before.hitRate(), n.hitRate());
            change(moved, "wall identity", before.wallIdentity(), n.wallIdentity());
            change(moved, "P10-P90 coverage", before.coverage(), n.coverage());
            change(moved, "mean signed error", before.meanErrorText(), n.meanErrorText());
            change(moved, "facts leaking a scored project", String.valueOf(before.leaks()), String.valueOf(n.leaks()));
            if (!moved.isEmpty() || !java.util.Objects.equals(before.error(), n.error())) {
                runs.revisionsBetween("rule_revision", previous.startedAt(), run.startedAt()).forEach(r -> causes.add(
                        "rule revision " + r.id() + " by " + r.author() + ": \u201c" + r.message() + "\u201d"));
                runs.revisionsBetween("fact_revision", previous.startedAt(), run.startedAt()).forEach(r -> causes.add(
                        "fact revision " + r.id() + " by " + r.author() + ": \u201c" + r.message() + "\u201d"));
                if (!before.filesHash().equals(n.filesHash())) {
                    causes.add("the backtest's project files changed (data/backtests)");
                }
                if (causes.isEmpty() && !java.util.Objects.equals(previous.ruleVersion(), run.ruleVersion())) {
                    causes.add("the rule set changed from " + previous.ruleVersion() + " to " + run.ruleVersion());
                }
                if (causes.isEmpty() && !java.util.Objects.equals(previous.factVersion(), run.factVersion())) {
                    causes.add("the fact base changed from " + previous.factVersion() + " to " + run.factVersion());
                }
                if (causes.isEmpty()) {
                    causes.add("no rule, fact or project file changed: the sampling settings did");
                }
            }
        }
        return Optional.of(new Movement(now.get(), before, moved, causes));
    }

    private static void change(List<String> moved, String what, String before, String now) {
        if (!before.equals(now)) {
            moved.add(what + ": " + before + " \u2192 " + now);
        }
    }

    /** A hash of the project files, so that a change to them is told from a change to the model. */
    private String filesHash() {
        if (!Files.isDirectory(dir)) {
            return "none";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                all.append(f.getFileName()).append('\u0000').append(Files.readString(f, StandardCharsets.UTF_8))
                        .append('\u0000');
            }
        } catch (IOException e) {
            return "unreadable";
        }
        return ReportRowProcessor.hash(all.toString());
    }
}

package io.firstwall.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.firstwall.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.firstwall.FirstwallApplication;
import io.firstwall.cli.BatchCommand;

/**
 * The batch CLI in a separate JVM, killed with SIGKILL in the middle of its run, then started again:
 * the run resumes from its last committed chunk; no plan is lost and none is counted twice.
 */
class KilledRunTests {

    static final int PLANS = 4000;

    static long query(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Process batchProcess(String url, Path out, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FirstwallApplication.class.getName(), "batch",
                "--out", out.toString(), "--spring.datasource.url=" + url, "--firstwall.batch.chunk-size=20", "--firstwall.batch.samples=0"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void aRunKilledMidwayResumesWithoutLosingOrRepeatingAPlan(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        TestDatabase.migrateH2(url);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            TestDatabase.insertPlanVariants(c, PLANS);
        }
        Path out = dir.resolve("reports");
        // This JVM keeps the database open (and serves it): the batch JVM connects to it, so killing
        // the batch JVM kills a database client mid-transaction, as a crashed batch host would.
        try (Connection holder = DriverManager.getConnection(url, "sa", "")) {
            killAndResume(url, out, dir, holder);
        }
    }

    void killAndResume(String url, Path out, Path dir, Connection holder) throws Exception {
        assertThat(holder.isValid(1)).isTrue();
        Process first = batchProcess(url, out, dir.resolve("first.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long written = 0;
        while (System.nanoTime() < deadline && first.isAlive()) {
            written = query(url, "select count(*) from report_row");
            if (written >= 200) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as("the first run must still be going when it is killed; log: "
                + Files.readString(dir.resolve("first.log"))).isTrue();
        first.destroyForcibly();
        first.waitFor();
        long committedBeforeKill = query(url, "select count(*) from report_row");
        assertThat(committedBeforeKill).isBetween(200L, PLANS - 1L);
        assertThat(query(url, "select count(*) from BATCH_JOB_EXECUTION where status = 'STARTED'")).isEqualTo(1);

        int status = new BatchCommand(System.out, System.err).run(FirstwallApplication.class, new String[] {"batch", "--out", out.toString(),
                "--spring.datasource.url=" + url, "--firstwall.batch.stale-after=0s", "--firstwall.batch.chunk-size=20", "--firstwall.batch.samples=0"});
        assertThat(status).isZero();
        assertThat(query(url, "select count(*) from report_row")).isEqualTo(PLANS);
        assertThat(query(url, "select count(distinct item_key) from report_row")).isEqualTo(PLANS);
        assertThat(query(url, "select count(distinct run_id) from report_row")).isEqualTo(1);
        long resumedReads = query(url, "select read_count from BATCH_STEP_EXECUTION where step_name = 'analyze'"
                + " order by step_execution_id desc limit 1");
        assertThat(resumedReads).as("the restart reads only what the killed run had not committed")
                .isEqualTo(PLANS - committedBeforeKill);
        File[] reports = out.toFile().listFiles();
        assertThat(reports).isNotNull().hasSize(1);
        assertThat(Files.readString(out.resolve(reports[0].getName()).resolve("report-1.csv")).lines().count())
                .isEqualTo(PLANS + 1);
    }
}

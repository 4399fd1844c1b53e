package io.firstwall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.firstwall.FirstwallApplication;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.cli.BatchCommand;
import io.firstwall.system.TestDatabase;

/**
 * The partitioned nightly run on PostgreSQL with 1, then 2 batch worker JVMs (or the counts given):
 * for each, a fresh schema with N plan variants, the workers started and waiting, then one run with
 * {@code firstwall.batch.partitions} partitions from this process. Prints plans per second and
 * analyses per second (plans x samples) of the partitioned analyse step, as the job repository timed
 * it. Needs FIRSTWALL_PG_URL (and _USER, _PASSWORD); the README gives the command.
 *
 * <p>Arguments: plans (default 400), samples per plan (default 100), worker counts (default "1,2"),
 * partitions (default 8).
 */
public final class WorkersBenchmark {

    private WorkersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int plans = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String counts = args.length > 2 ? args[2] : "1,2";
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        for (String count : counts.split(",")) {
            run(plans, samples, Integer.parseInt(count.trim()), partitions);
        }
        System.exit(0);
    }

    private static void run(int plans, int samples, int workers, int partitions) throws Exception {
        TestDatabase.Postgres pg = TestDatabase.freshPostgres();
        pg.migrate();
        try (Connection c = pg.connect()) {
            TestDatabase.insertPlanVariants(c, plans);
        }
        List<String> common = new ArrayList<>(pg.springArgs());
        common.addAll(List.of("--firstwall.rules-dir=" + AnalysisFixtures.copyOfRules(), "--firstwall.data-dir="
                + AnalysisFixtures.copyOfData(), "--firstwall.batch.chunk-size=20", "--firstwall.batch.samples=" + samples,
                "--firstwall.rules-watch=false"));
        Path dir = Files.createTempDirectory("workers-bench");
        List<Process> started = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), FirstwallApplication.class.getName(),
                        "batch", "--worker"));
                command.addAll(common);
                Path log = dir.resolve("worker" + w + ".log");
                started.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
                awaitWaiting(log);
            }
            List<String> manager = new ArrayList<>(List.of("batch", "--out", dir.resolve("reports").toString(),
                    "--firstwall.batch.partitions=" + partitions));
            manager.addAll(common);
            int status = new BatchCommand(System.out, System.err).run(FirstwallApplication.class,
                    manager.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("the run failed; worker logs in " + dir);
            }
            try (Connection c = pg.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select extract(epoch from end_time - start_time) from BATCH_STEP_EXECUTION where step_name = 'analyze'")) {
                rs.next();
                double seconds = rs.getDouble(1);
                System.out.printf("%d worker(s), %d partitions: %d plans x %d samples in %.1f s: %.1f plans/s,"
                        + " %.0f analyses/s%n", workers, partitions, plans, samples, seconds, plans / seconds,
                        plans * (double) Math.max(1, samples) / seconds);
            }
        } finally {
            for (Process p : started) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    private static void awaitWaiting(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("is waiting for partitions")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("a worker did not start: " + Files.readString(log));
    }
}

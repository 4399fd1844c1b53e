package io.firstwall.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.firstwall.system.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.firstwall.FirstwallApplication;
import io.firstwall.report.BatchService;

/**
 * The nightly batch over N generated plan variants (default 10,000) in a fresh file H2 under
 * target/bench-batch: prints plans per second of the analyse step and the peak heap in use,
 * sampled every 20 ms. Run from the repository root; the README gives the command.
 */
public final class BatchBenchmark {

    private BatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Path.of("target/bench-batch/n" + n);
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        TestDatabase.migrateH2(url);
        List<String> examples = new ArrayList<>();
        try (var files = Files.list(Path.of("data/plans"))) {
            for (Path f : files.sorted().toList()) {
                examples.add(Files.readString(f));
            }
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = c.prepareStatement("insert into saved_plan(name, plan_json, created_at, updated_at)"
                        + " values (?, ?, current_timestamp, current_timestamp)")) {
            for (int i = 0; i < n; i++) {
                String plan = examples.get(i % examples.size());
                double scale = 0.5 + (i % 101) / 100.0;
                String varied = Pattern.compile("\"accelerators\"\\s*:\\s*(\\d+)").matcher(plan)
                        .replaceAll(m -> "\"accelerators\": " + Math.max(1, Math.round(Long.parseLong(m.group(1)) * scale)));
                insert.setString(1, "Variant " + i);
                insert.setString(2, varied.replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\": \"Variant " + i + "\""));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        // Two runs in one process: the first in a cold JVM (as the CLI runs it), the second warm (as the
        // scheduled nightly run in the app does).
        try (var context = new SpringApplicationBuilder(FirstwallApplication.class)
                .web(WebApplicationType.NONE)
                .run("--firstwall.batch.cron=-", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--firstwall.batch.reports-dir=" + dir.resolve("reports"), "--spring.datasource.url=" + url,
                        "--firstwall.batch.samples=" + Integer.getInteger("samples", 0))) {
            var batch = context.getBean(BatchService.class);
            for (String label : List.of("cold", "warm")) {
                peak.set(0);
                System.gc();
                String status = batch.start(true).status();
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                        ResultSet rs = c.createStatement().executeQuery("select read_count,"
                                + " datediff('MILLISECOND', start_time, end_time) from BATCH_STEP_EXECUTION"
                                + " where step_name = 'analyze' order by step_execution_id desc limit 1")) {
                    rs.next();
                    long items = rs.getLong(1);
                    long ms = Math.max(1, rs.getLong(2));
                    System.out.printf("BatchBenchmark %s: %d plans analysed in %d ms = %.0f plans/s; peak heap used %d MB;"
                            + " %s%n", label, items, ms, items * 1000.0 / ms, peak.get() / (1024 * 1024), status);
                }
            }
        }
        sampler.interrupt();
    }
}

package io.firstwall.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import io.firstwall.report.BatchProperties;
import io.firstwall.report.BatchService;

/**
 * {@code batch [--out DIR]}: one nightly run without the web server. Exit codes: 0 the run
 * completed, 1 it failed or could not start, 2 wrong usage. {@code batch --worker}: a batch worker
 * that analyses partitions of partitioned runs from the shared database until it is stopped.
 */
public final class BatchCommand {

    public static final String USAGE = "usage: java -jar target/firstwall.jar batch [--out DIR] | batch --worker";

    private final PrintStream out;
    private final PrintStream err;

    public BatchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the batch in a context of {@code application} (the Spring Boot application class). */
    public int run(Class<?> application, String[] args) {
        List<String> springArgs = new ArrayList<>(List.of("--firstwall.batch.cron=-", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        boolean worker = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--worker")) {
                worker = true;
                springArgs.add("--firstwall.batch.worker=true");
                springArgs.add("--logging.level.io.firstwall.report.RemotePartitioning=INFO");
            } else if (args[i].equals("--out") && i + 1 < args.length) {
                springArgs.add("--firstwall.batch.reports-dir=" + args[++i]);
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        // A start-up failure is explained in one line below, not as Spring's stack trace.
        springArgs.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        springArgs.add("--logging.level.org.springframework.boot.diagnostics=OFF");
        springArgs.add("--logging.level.org.springframework.context=ERROR");
        ConfigurableApplicationContext started;
        try {
            started = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                    .run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("batch: " + whyNotStarted(e));
            return 1;
        }
        if (worker) {
            return work(started);
        }
        try (ConfigurableApplicationContext context = started) {
            BatchService batch = context.getBean(BatchService.class);
            BatchService.StartResult result = batch.start(true);
            out.println(result.message());
            List<BatchService.RunView> runs = batch.runs();
            if (result.started() && !runs.isEmpty()) {
                BatchService.RunView run = runs.get(0);
                out.println(run.done() + " plans and scenarios analysed, " + run.failed() + " failed; report: "
                        + context.getBean(BatchProperties.class).reportsDir().resolve(run.date())
                                .resolve(run.reportBase() + ".html"));
            }
            return result.started() && result.status().equals("COMPLETED") ? 0 : 1;
        }
    }

    /** Takes partitions until the process is stopped (its shutdown hook closes the context). */
    private int work(ConfigurableApplicationContext context) {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener((ContextClosedEvent e) -> closed.countDown());
        context.registerShutdownHook();
        out.println("Batch worker " + ProcessHandle.current().pid() + " is waiting for partitions of nightly runs in "
                + context.getEnvironment().getProperty("spring.datasource.url", "").replaceFirst("\\?.*", "")
                + "; stop it with Ctrl-C.");
        out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Why the batch could not start, in a sentence: the database held by the running app, or the root cause. */
    static String whyNotStarted(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                return "the database is in use by the running app (H2 allows one process at a time). Start the"
                        + " nightly run from the running app instead: the Batch page (admin) or POST /api/batch/runs.";
            }
            root = t;
        }
        return "could not start: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }
}

package io.firstwall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.firstwall.cli.Cli;

/** Starts the web app, or, with {@code analyze ...}, the command line without any web server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FirstwallApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("analyze")) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            System.exit(new Cli(System.out, System.err).run(args));
        }
        if (args.length > 0 && args[0].equals("batch")) {
            System.exit(runBatch(args));
        }
        SpringApplication.run(FirstwallApplication.class, args);
    }

    /** {@code batch [--out DIR]}: one nightly run without the web server; exit 0 when it completed. */
    public static int runBatch(String[] args) {
        java.util.List<String> springArgs = new java.util.ArrayList<>(java.util.List.of("--firstwall.batch.cron=-",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                springArgs.add("--firstwall.batch.reports-dir=" + args[++i]);
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else {
                System.err.println("usage: java -jar target/firstwall.jar batch [--out DIR]");
                return 2;
            }
        }
        // A start-up failure is explained in one line below, not as Spring's stack trace.
        springArgs.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        springArgs.add("--logging.level.org.springframework.boot.diagnostics=OFF");
        springArgs.add("--logging.level.org.springframework.context=ERROR");
        org.springframework.context.ConfigurableApplicationContext started;
        try {
            started = new org.springframework.boot.builder.SpringApplicationBuilder(FirstwallApplication.class)
                    .web(org.springframework.boot.WebApplicationType.NONE).run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            System.err.println("batch: " + whyNotStarted(e));
            return 1;
        }
        try (var context = started) {
            var result = context.getBean(io.firstwall.report.BatchService.class).start(true);
            System.out.println(result.message());
            var runs = context.getBean(io.firstwall.report.BatchService.class).runs();
            if (result.started() && !runs.isEmpty()) {
                var run = runs.get(0);
                System.out.println(run.done() + " plans and scenarios analysed, " + run.failed() + " failed; report: "
                        + context.getBean(io.firstwall.report.BatchProperties.class).reportsDir().resolve(run.date())
                                .resolve(run.reportBase() + ".html"));
            }
            return result.started() && result.status().equals("COMPLETED") ? 0 : 1;
        }
    }

    /** Why the batch could not start, in a sentence: the database held by the running app, or the root cause. */
    static String whyNotStarted(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020) {
                return "the database is in use by the running app (H2 allows one process at a time). Start the"
                        + " nightly run from the running app instead: the Batch page (admin) or POST /api/batch/runs.";
            }
            root = t;
        }
        return "could not start: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }
}

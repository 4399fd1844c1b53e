package io.firstwall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.firstwall.cli.BatchCommand;
import io.firstwall.cli.Cli;

/**
 * Starts the web app; with {@code analyze ...} the command line without Spring, with
 * {@code batch ...} one nightly run without the web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FirstwallApplication {

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("analyze") || args[0].equals("backtest"))) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
            System.exit(new Cli(System.out, System.err).run(args));
        }
        if (args.length > 0 && args[0].equals("batch")) {
            System.exit(new BatchCommand(System.out, System.err).run(FirstwallApplication.class, args));
        }
        SpringApplication.run(FirstwallApplication.class, args);
    }
}

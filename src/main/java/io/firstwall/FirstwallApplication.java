package io.firstwall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.firstwall.cli.BatchCommand;
import io.firstwall.cli.Cli;

/**
 * Starts the web app (no arguments, or only {@code --options}); with {@code analyze ...} or
 * {@code backtest ...} the command line without Spring, with {@code batch ...} one nightly run
 * without the web server; any other first word is an unknown command, said so, exit code 2.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FirstwallApplication {

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("analyze") || args[0].equals("backtest"))) {
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        if (args.length > 0 && args[0].equals("batch")) {
            System.exit(new BatchCommand(System.out, System.err).run(FirstwallApplication.class, args));
        }
        Integer exit = command(args, System.out, System.err);
        if (exit != null) {
            System.exit(exit);
        }
        SpringApplication.run(FirstwallApplication.class, args);
    }

    /**
     * What the first word asks for, other than the web app and the batch: the exit code of {@code analyze}
     * or {@code backtest}, 2 with "unknown command" for any other word, or null for the web app (no
     * arguments, or only {@code --options}).
     */
    public static Integer command(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return null;
        }
        if (args[0].equals("analyze") || args[0].equals("backtest")) {
            return new Cli(out, err).run(args);
        }
        // A word that is no command (a typo of one) never starts the web server by surprise.
        err.println(Cli.unknownCommand(args[0]));
        return 2;
    }
}

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
        SpringApplication.run(FirstwallApplication.class, args);
    }
}

package io.firstwall.editing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.firstwall.FirstwallApplication;

/**
 * The app without its web server, publishing one change set; run in its own JVM by
 * {@link KilledPublishTests}, which kills it with SIGKILL at a point it picks from the publish's
 * DEBUG lines. Arguments: database URL, rules directory, data directory, then any further
 * {@code --name=value} arguments (a PostgreSQL user, password and profile).
 */
public final class PublishingProcess {

    private PublishingProcess() {
    }

    public static void main(String[] args) {
        List<String> springArgs = new ArrayList<>(List.of("--spring.datasource.url=" + args[0],
                "--firstwall.rules-dir=" + args[1], "--firstwall.data-dir=" + args[2], "--firstwall.batch.cron=-",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.io.firstwall.editing.PublishJournal=DEBUG", "--logging.pattern.console=%msg%n"));
        springArgs.addAll(Arrays.asList(args).subList(3, args.length));
        var context = new SpringApplicationBuilder(FirstwallApplication.class).web(WebApplicationType.NONE)
                .run(springArgs.toArray(String[]::new));
        RuleEditingService editing = context.getBean(RuleEditingService.class);
        Map<String, String> changes = KilledPublishTests.moveARuleBetweenFiles(editing.liveFiles());
        System.out.println("READY");
        System.out.flush();
        editing.publish(changes, editing.liveVersion(), "kill test", "move GRID-004 into its own file");
        System.out.println("PUBLISHED");
        System.out.flush();
        context.close();
        System.exit(0);
    }
}

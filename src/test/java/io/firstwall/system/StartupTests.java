package io.firstwall.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.firstwall.FirstwallApplication;
import io.firstwall.facts.FactLoadException;
import io.firstwall.rules.RuleBuildException;

/** The app refuses to start on broken rules or facts, and says why. */
class StartupTests {

    static Throwable start(String... properties) {
        try {
            String[] args = Stream.concat(
                    Stream.of("spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime(),
                            "server.port=0", "spring.main.banner-mode=off"),
                    Arrays.stream(properties)).map(p -> "--" + p).toArray(String[]::new);
            new SpringApplicationBuilder(FirstwallApplication.class).run(args).close();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    static Throwable root(Throwable t, Class<?> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void refusesABrokenRuleSetAndSaysWhere(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), "package rules;\nrule \"X-001\" when Plan( then end\n");
        Throwable failure = start("firstwall.rules-dir=" + dir);
        assertThat(root(failure, RuleBuildException.class)).isNotNull();
        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("firstwall will not start").contains("rules/broken.drl:2:");
        assertThat(analysis.getAction()).contains("never starts without rules");
    }

    @Test
    void refusesToStartWithNoRules(@TempDir Path dir) {
        Throwable failure = start("firstwall.rules-dir=" + dir);
        assertThat(root(failure, RuleBuildException.class)).hasMessageContaining("no rule files");
    }

    @Test
    void refusesABrokenFactBase(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("facts"));
        Files.copy(Path.of("data/regions.csv"), dir.resolve("regions.csv"));
        Files.copy(Path.of("data/accelerators.csv"), dir.resolve("accelerators.csv"));
        Files.writeString(dir.resolve("facts/x.csv"), "id,value,unit\nx,1,W\n");
        Throwable failure = start("firstwall.data-dir=" + dir);
        assertThat(root(failure, FactLoadException.class)).hasMessageContaining("facts/x.csv:1: wrong columns");
        assertThat(new StartupFailureAnalyzer().analyze(failure).getAction()).contains("Fix the CSV rows");
    }

    @Test
    void otherFailuresAreLeftToSpring() {
        assertThat(new StartupFailureAnalyzer().analyze(new IllegalStateException("x"))).isNull();
    }
}

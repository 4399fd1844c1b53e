package io.firstwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.firstwall.FirstwallApplication;

/** {@code batch} on the command line while the app holds the database says so in a sentence. */
class BatchCliTests {

    @Test
    void theBatchWhileTheAppRunsSaysTheDatabaseIsInUse(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        try (Connection app = DriverManager.getConnection(url, "sa", "")) {
            Path log = dir.resolve("batch.log");
            Process batch = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FirstwallApplication.class.getName(), "batch",
                    "--spring.datasource.url=" + url)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(batch.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(app.isValid(1)).isTrue();
            String output = Files.readString(log);
            assertThat(batch.exitValue()).isEqualTo(1);
            assertThat(output).contains("batch: the database is in use by the running app")
                    .doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(output.lines().filter(l -> !l.isBlank()).count()).as(output).isLessThanOrEqualTo(3);
        }
    }
}

package io.firstwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.AnalysisFixtures;

/** {@code backtest} on the command line: the table and totals, a broken file named, leakage failing the command. */
class BacktestTests {

    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsEveryRealCampusBesideItsOutcomeWithTheTotals() throws Exception {
        Run run = cli("backtest");
        assertThat(run.status()).as(run.err()).isZero();
        try (var files = Files.list(Path.of("data/backtests"))) {
            long campuses = files.filter(f -> f.toString().endsWith(".json")).count();
            assertThat(run.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| project")).count())
                    .isEqualTo(campuses);
        }
        assertThat(run.out()).contains("xAI Colossus 1").contains("Stargate Abilene phase 1").contains("Tesla Cortex")
                .containsPattern("hit rate: \\d+ of \\d+ \\(\\d+%\\), a hit within 6 months")
                .containsPattern("wall identity: \\d+ of \\d+").doesNotContain("LEAKAGE");
    }

    @Test
    void withSamplesItPrintsTheCoverage() {
        Run run = cli("backtest", "--samples", "16", "--seed", "3");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("coverage: \\d+ of \\d+ observed delays inside the P10-P90 \\(\\d+%, 16"
                + " samples each\\)");
    }

    @Test
    void aBrokenFileIsNamedWithWhatIsWrong() throws Exception {
        Path data = AnalysisFixtures.copyOfData();
        Files.writeString(data.resolve("backtests/broken.json"), "{\"project\": \"x\", \"plan\": {");
        Run run = cli("backtest", "--data", data.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("backtest: broken.json: not valid JSON").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aFactLearnedFromAScoredProjectFailsTheCommandUnderItsTable() throws Exception {
        Path data = AnalysisFixtures.copyOfData();
        Path grid = data.resolve("facts/grid.csv");
        String text = Files.readString(grid);
        String row = text.lines().filter(l -> l.startsWith("grid.queue_wait_months.US-LA,")).findFirst().orElseThrow();
        Files.writeString(grid, text.replace(row, row.replaceFirst(",hyperion$", ",hyperion tesla-cortex")));
        Run run = cli("backtest", "--data", data.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("LEAKAGE: 1 facts learned from scored projects")
                .contains("grid.queue_wait_months.US-LA: is derived from tesla-cortex, a scored project");
    }

    @Test
    void noBacktestFolderIsSaidPlainly() throws Exception {
        Path copy = AnalysisFixtures.copyOfData();
        try (var files = Files.list(copy.resolve("backtests"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(copy.resolve("backtests"));
        Run missing = cli("backtest", "--data", copy.toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("is not a directory of backtest files");
    }
}

package io.firstwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.firstwall.analysis.AnalysisFixtures;

/** {@code backtest}: the analyzer's answer beside real campuses' outcomes, and the hit rate. */
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
    void printsEveryRealCampusBesideItsOutcomeAndTheHitRate() throws Exception {
        Run run = cli("backtest");
        assertThat(run.status()).as(run.err()).isZero();
        try (var files = Files.list(Path.of("data/backtests"))) {
            long campuses = files.filter(f -> f.toString().endsWith(".json")).count();
            assertThat(campuses).isGreaterThanOrEqualTo(8);
            assertThat(run.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| project")).count())
                    .isEqualTo(campuses);
        }
        assertThat(run.out()).contains("xAI Colossus 1").contains("Stargate Abilene phase 1").contains("Meta Hyperion")
                .contains("Tesla Cortex")
                .containsPattern("hit rate: \\d+ of \\d+ projects with a known outcome \\(\\d+%\\), a hit within 6 months");
        Backtest.Result result = Backtest.run(Path.of("data/backtests"), AnalysisFixtures.ANALYZER, AnalysisFixtures.FACTS);
        assertThat(result.judged()).isEqualTo(result.rows().stream().filter(r -> r.observedMonths() != null).count());
        assertThat(result.rows()).filteredOn(r -> r.observedMonths() == null)
                .allSatisfy(r -> assertThat(r.verdict()).isEqualTo("pending"));
    }

    @Test
    void aMissStaysAMissAndAnUnknownOutcomeIsPending(@TempDir Path dir) throws Exception {
        String plan = """
                {"name": "test", "location": "US-VA", "power": "GRID", "accelerator": "GB300", "decisionDate": "2026-01-15",
                 "phases": [ {"online": "2026-06-30", "accelerators": 300000} ], "attributes": {}}""";
        Files.writeString(dir.resolve("a-miss.json"), """
                {"project": "claimed on time", "plan": %s,
                 "observed": {"phase": 1, "online": "2026-06-30", "slipMonths": 0, "binding": "none", "sources": []}}"""
                .formatted(plan));
        Files.writeString(dir.resolve("b-pending.json"), """
                {"project": "not yet known", "plan": %s,
                 "observed": {"phase": 1, "online": null, "slipMonths": null, "binding": "none", "sources": []}}"""
                .formatted(plan));
        Backtest.Result result = Backtest.run(dir, AnalysisFixtures.ANALYZER, AnalysisFixtures.FACTS);
        // A grid campus in Virginia decided in January for June: the analyzer says years late, so not a hit.
        assertThat(result.rows()).extracting(Backtest.Row::verdict).containsExactly("miss", "pending");
        assertThat(result.rows().get(0).predictedWall()).isEqualTo("GRID_INTERCONNECT");
        assertThat(result.hits()).isZero();
        assertThat(result.judged()).isEqualTo(1);
        assertThat(Backtest.table(result)).contains("hit rate: 0 of 1 projects with a known outcome (0%)")
                .contains("1 pending");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an invalid plan|{\"project\": \"x\", \"plan\": {\"name\": \"x\", \"location\": \"NOWHERE\"}, \"observed\": {}}|the plan is invalid",
            "not JSON|{\"project\": \"x\", \"plan\": {|not valid JSON",
            "a phase the plan lacks|{\"project\": \"x\", \"plan\": PLAN, \"observed\": {\"phase\": 3}}|observed.phase 3 is not a phase of the plan (1 to 2)",
            "a bad date|{\"project\": \"x\", \"plan\": PLAN, \"observed\": {\"online\": \"soon\", \"slipMonths\": 0}}|observed.online 'soon' is not a date"})
    void aBrokenBacktestFileIsNamedWithWhatIsWrong(String what, String json, String message) throws Exception {
        Path data = AnalysisFixtures.copyOfData();
        Files.writeString(data.resolve("backtests/broken.json"), json.replace("PLAN", Files.readString(
                Path.of("data/plans/nova-grid-1gw.json"))));
        Run run = cli("backtest", "--data", data.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("backtest: broken.json: " + message).doesNotContain("Exception").doesNotContain("\tat ");
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

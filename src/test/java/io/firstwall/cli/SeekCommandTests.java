package io.firstwall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.firstwall.plan.Json;
import tools.jackson.databind.JsonNode;

/** {@code seek} on the command line: options in words, JSON, locks, usage errors, progress on stderr. */
class SeekCommandTests {

    static BacktestTests.Run cli(String... args) {
        return BacktestTests.cli(args);
    }

    @Test
    void printsTheCheapestOptionsWithTheirDatesAndCostsAndTheLeversUnderEachWall() {
        BacktestTests.Run run = cli("seek", "data/plans/ohio-gas-engines.json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("== Central Ohio campus").contains("as planned: full capacity Dec 2028, 6 months late")
                .contains("What would it take (on time in the point answer):").containsPattern("  1\\. .+\\n     every phase on time")
                .containsPattern("cost \\$[0-9.]+ [kMB]").contains("levers that move each wall:")
                .contains("    TURBINE_SUPPLY: ");
        assertThat(run.err()).contains("ohio-gas-engines.json: 1 change: ");
    }

    @Test
    void jsonHasEveryOptionWithItsChangesAndPlan() throws Exception {
        BacktestTests.Run run = cli("seek", "data/plans/ohio-gas-engines.json", "--json", "--lock", "targets");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode root = Json.MAPPER.readTree(run.out());
        assertThat(root.path("met").asBoolean()).isTrue();
        assertThat(root.path("options")).isNotEmpty();
        for (JsonNode o : root.path("options")) {
            assertThat(o.path("onTime").asBoolean()).isTrue();
            assertThat(o.path("plan").path("phases")).isNotEmpty();
            for (JsonNode c : o.path("changes")) {
                assertThat(c.path("field").asString()).isNotEqualTo("targets");
            }
        }
    }

    @Test
    void aFieldThatIsNoFieldAndABadConfidenceAreUsageErrors() {
        BacktestTests.Run lock = cli("seek", "data/plans/ohio-gas-engines.json", "--lock", "colour");
        assertThat(lock.status()).isEqualTo(2);
        assertThat(lock.err()).contains("--lock 'colour' is no field; fields are").contains("targets");
        BacktestTests.Run confidence = cli("seek", "data/plans/ohio-gas-engines.json", "--confidence", "80");
        assertThat(confidence.status()).isEqualTo(2);
        assertThat(confidence.err()).contains("--confidence needs a share above 0 and below 1");
        BacktestTests.Run none = cli("seek");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no plan file given");
    }

    @Test
    void anInvalidPlanIsNamedWithItsProblems() throws Exception {
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("plan", ".json");
        java.nio.file.Files.writeString(bad, "{\"name\": \"x\"}");
        BacktestTests.Run run = cli("seek", bad.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("invalid plan").doesNotContain("Exception");
    }

    @Test
    void theBacktestWithAdvicePrintsTheShare() {
        BacktestTests.Run run = cli("backtest", "--advice");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("advice: the builder's move is among seek's top 3 options in \\d+ of \\d+ projects");
    }
}

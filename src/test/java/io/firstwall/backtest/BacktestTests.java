package io.firstwall.backtest;

import static io.firstwall.analysis.AnalysisFixtures.ANALYZER;
import static io.firstwall.analysis.AnalysisFixtures.FACTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backtest as the judge: what it scores and how, the files it refuses, and its totals on the
 * real campuses pinned, so a change that moves them updates the README's before-after table with it.
 */
class BacktestTests {

    static final Path REAL = Path.of("data/backtests");

    /** A project file around a plan and an observation; every other block minimal but valid. */
    static String project(String role, String plan, String observed) {
        return """
                {"project": "test", "role": "%s",
                 "decision": {"date": "2026-01-15", "what": "x", "sources": []},
                 "target": {"date": "2026-06-30", "statedOn": "2026-01-15", "what": "x", "sources": []},
                 "held": [], "move": [], "plan": %s, "observed": %s}""".formatted(role, plan, observed);
    }

    static final String VA_GRID = """
            {"name": "test", "location": "US-VA", "power": "GRID", "accelerator": "GB300", "decisionDate": "2026-01-15",
             "phases": [ {"online": "2026-06-30", "accelerators": 300000} ], "attributes": {}}""";

    @Test
    void theRealCampusesScoreAsTheReadmeSays() throws Exception {
        Backtest.Result result = Backtest.run(REAL, ANALYZER, FACTS);
        Backtest.Totals t = result.totals();
        assertThat(result.leaks()).as("facts learned from scored projects").isEmpty();
        // Pinned: a change that moves these updates the README's backtest table in the same commit.
        assertThat(t.scored()).as("scored projects with a known outcome").isGreaterThanOrEqualTo(14);
        assertThat(new int[] {t.scored(), t.delayScored(), t.hits(), t.wallScored(), t.wallMatches(), t.pending(),
                t.calibration()}).containsExactly(PINNED);
        long others = result.rows().stream().filter(r -> r.role().equals("scored") && !r.outcome().equals("pending"))
                .filter(r -> !r.id().startsWith("colossus") && !r.id().startsWith("abilene")).count();
        assertThat(others).as("scored projects neither xAI nor Stargate").isGreaterThanOrEqualTo(5);
    }

    /** scored, delay-scored, hits, wall-scored, wall matches, pending, calibration: as in the README. */
    static final int[] PINNED = {14, 5, 1, 14, 3, 3, 5};

    @Test
    void aMissStaysAMissAndItsWallIsCompared(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-miss.json"), project("scored", VA_GRID,
                """
                {"phase": 1, "outcome": "online", "online": "2026-06-30", "slipMonths": 0, "heldBy": "NONE", "sources": []}"""));
        Files.writeString(dir.resolve("b-pending.json"), project("scored", VA_GRID,
                """
                {"phase": 1, "outcome": "pending", "online": null, "heldBy": null, "sources": []}"""));
        Files.writeString(dir.resolve("c-cancelled.json"), project("scored", VA_GRID,
                """
                {"phase": 1, "outcome": "cancelled", "online": null, "heldBy": "GRID_INTERCONNECT", "sources": []}"""));
        Files.writeString(dir.resolve("d-calibration.json"), project("calibration", VA_GRID,
                """
                {"phase": 1, "outcome": "online", "online": "2026-06-30", "slipMonths": 0, "heldBy": "NONE", "sources": []}"""));
        Backtest.Result result = Backtest.run(dir, ANALYZER, FACTS);
        Backtest.Row miss = result.rows().get(0);
        // A grid campus in Virginia decided in January for June: the analyzer says years late.
        assertThat(miss.predictedWall()).isEqualTo("GRID_INTERCONNECT");
        assertThat(miss.error()).isEqualTo(miss.predictedMonths()).isGreaterThan(6);
        assertThat(miss.hit()).isFalse();
        assertThat(miss.wallMatch()).isFalse();
        Backtest.Row cancelled = result.rows().get(2);
        assertThat(cancelled.delayScored()).isFalse();
        assertThat(cancelled.hit()).isNull();
        assertThat(cancelled.wallMatch()).as("the cancelled project is scored on what held it").isTrue();
        assertThat(result.rows().get(1).wallMatch()).isNull();
        assertThat(result.rows().get(3).hit()).as("a calibration project is never scored").isNull();
        Backtest.Totals t = result.totals();
        assertThat(new int[] {t.scored(), t.delayScored(), t.hits(), t.wallScored(), t.wallMatches(), t.pending(),
                t.calibration()}).containsExactly(2, 1, 0, 2, 1, 1, 1);
        assertThat(t.meanSignedError()).isEqualTo((double) miss.error());
        assertThat(Backtest.table(result)).contains("hit rate: 0 of 1 (0%)").contains("wall identity: 1 of 2 (50%)")
                .contains("1 pending; 1 calibration (never scored)");
    }

    @Test
    void withSamplesTheObservedDelayIsLookedForInsideTheP10ToP90(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.json"), project("scored", VA_GRID,
                """
                {"phase": 1, "outcome": "online", "online": "2026-06-30", "slipMonths": 0, "heldBy": "NONE", "sources": []}"""));
        Backtest.Result result = Backtest.run(dir, ANALYZER, FACTS, 64, 7);
        Backtest.Row row = result.rows().get(0);
        assertThat(row.p10()).isNotNull().isGreaterThan(0);
        assertThat(row.p10()).isLessThanOrEqualTo(row.p50());
        assertThat(row.covered()).as("an on-time observation below a P10 of years").isFalse();
        assertThat(result.totals().later()).isEqualTo(1);
        assertThat(Backtest.table(result)).contains("coverage: 0 of 1 observed delays inside the P10-P90")
                .contains("the P50 is later than what happened 1 times, earlier 0 times");
    }

    @Test
    void anOpenEndedPercentileIsLaterThanAnyDate() {
        assertThat(Backtest.within(30, 10, null)).isTrue();
        assertThat(Backtest.within(5, 10, null)).isFalse();
        assertThat(Backtest.within(30, null, null)).isFalse();
        assertThat(Backtest.within(10, 10, 10)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a role that is neither|\"role\": \"scored\"|\"role\": \"maybe\"|role 'maybe' is not one of",
            "a decision that is not the plan's|\"decision\": {\"date\": \"2026-01-15\"|\"decision\": {\"date\": \"2026-02-01\"|decision.date 2026-02-01 is not the plan's decisionDate 2026-01-15",
            "a target that is not the phase's|\"target\": {\"date\": \"2026-06-30\"|\"target\": {\"date\": \"2026-03-31\"|target.date 2026-03-31 is not the online date of the plan's phase 1",
            "no target and no word why|\"target\": {\"date\": \"2026-06-30\"|\"target\": {\"what\": \"none\"|target.date is missing",
            "a forecast as an observation|\"outcome\": \"online\", \"online\": \"2026-06-30\", \"slipMonths\": 0, \"heldBy\": \"NONE\"|\"outcome\": \"pending\", \"online\": null, \"heldBy\": \"GRID_INTERCONNECT\"|a pending project has no observed heldBy yet",
            "a delay on a cancelled project|\"outcome\": \"online\"|\"outcome\": \"cancelled\"|observed.slipMonths is only for an online outcome",
            "a wall that is no wall's name|\"heldBy\": \"NONE\"|\"heldBy\": \"the grid\"|observed.heldBy: the wall name THE GRID",
            "a source without its address|\"sources\": []}|\"sources\": [{\"claim\": \"c\", \"status\": \"primary\", \"checked\": \"no\"}]}|decision.sources[0] has no url",
            "a held figure the plan does not use|\"held\": []|\"held\": [{\"what\": \"x\", \"attribute\": \"existingPowerMW\", \"value\": 200}]|held says existingPowerMW = 200 but the plan has existingPowerMW = null"})
    void aBrokenFileIsNamedWithWhatIsWrong(String what, String from, String to, String message,
            @TempDir Path dir) throws Exception {
        String good = project("scored", VA_GRID,
                """
                {"phase": 1, "outcome": "online", "online": "2026-06-30", "slipMonths": 0, "heldBy": "NONE", "sources": []}""");
        assertThat(good).contains(from);
        Files.writeString(dir.resolve("broken.json"), good.replace(from, to));
        assertThatThrownBy(() -> Backtest.run(dir, ANALYZER, FACTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broken.json: ").hasMessageContaining(message);
    }

    @Test
    void everyRealFileNamesItsSourcesAndSaysWhatItHeld() throws Exception {
        for (Backtest.Project p : Backtest.read(REAL, FACTS, ANALYZER)) {
            assertThat(p.urls()).as(p.id() + " cites its sources").isNotEmpty();
            if (p.outcome().equals("online")) {
                assertThat(p.online()).as(p.id()).isNotNull();
                assertThat(p.online()).as(p.id() + ": observed after its decision").isAfter(p.plan().decisionDate());
            }
        }
    }
}

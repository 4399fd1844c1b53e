package io.firstwall.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.seek.Option;
import io.firstwall.seek.Seek;
import io.firstwall.seek.SeekRequest;
import io.firstwall.uncertainty.MonteCarlo;

/** The advice backtest: the builder's move among seek's top three, on the real backtest files. */
class AdviceTests {

    @Test
    void scoresOnlyProjectsWhoseBuilderBeatTheNaivePlanAndSaysWhetherTheMoveIsAmongTheTopThree() throws Exception {
        Advice.Result result = Advice.run(Path.of("data/backtests"), AnalysisFixtures.ANALYZER, AnalysisFixtures.FACTS);
        assertThat(result.eligible()).isEqualTo((int) result.rows().stream().filter(r -> r.matched() != null).count())
                .isPositive();
        assertThat(result.matched()).isEqualTo((int) result.rows().stream().filter(r -> Boolean.TRUE.equals(r.matched())).count());
        for (Advice.Row r : result.rows()) {
            if (r.matched() == null) {
                // Not scored: the builder did not beat the naive plan by more than the tolerance.
                assertThat(r.observedMonths() == null || (r.predictedMonths() != null
                        && r.predictedMonths() <= r.observedMonths() + Backtest.TOLERANCE_MONTHS)).as(r.id()).isTrue();
            } else {
                assertThat(r.top()).as(r.id()).hasSizeLessThanOrEqualTo(Advice.TOP);
            }
        }
        // Abilene phase 1 reused an energized site and added turbines beside it: seek finds it.
        assertThat(result.rows()).filteredOn(r -> r.id().equals("abilene-phase-1")).singleElement()
                .satisfies(r -> assertThat(r.matched()).isTrue());
        assertThat(Advice.table(result)).containsPattern("advice: the builder's move is among seek's top 3 options in \\d+ of "
                + result.eligible() + " projects whose builder beat the naive plan");
        // The README shows the table as the command prints it: a change that moves it updates the README too.
        String readme = Files.readString(Path.of("README.md"));
        for (String line : Advice.table(result).lines().filter(l -> !l.isBlank()).toList()) {
            assertThat(readme).as("README's advice backtest").contains(line);
        }
    }

    @Test
    void theMatchIsWhatSeekGivesForThePlan() throws Exception {
        Backtest.Project abilene = Backtest.read(Path.of("data/backtests"), AnalysisFixtures.FACTS, AnalysisFixtures.ANALYZER)
                .stream().filter(p -> p.id().equals("abilene-phase-1")).findFirst().orElseThrow();
        var r = new Seek(AnalysisFixtures.ANALYZER, new MonteCarlo(AnalysisFixtures.ANALYZER)).seek(abilene.plan(),
                AnalysisFixtures.FACTS, new io.firstwall.plan.PlanReader(AnalysisFixtures.FACTS, AnalysisFixtures.RULES.attributes()),
                new SeekRequest(0, 0, 0, java.util.Set.of(), 3, Advice.TOP), null);
        assertThat(r.options().stream().flatMap(o -> o.changes().stream()).map(c -> c.lever()))
                .containsAnyElementsOf(abilene.moveLevers());
        assertThat(r.options()).allSatisfy(o -> assertThat(o.onTime()).isTrue()).extracting(Option::totalCost).isSorted();
    }

    @Test
    void aMoveWithoutLeversOrAReasonAndAnUnknownLeverAreRefusedByName() throws Exception {
        Path data = AnalysisFixtures.copyOfData();
        Path file = data.resolve("backtests/tesla-cortex.json");
        Files.writeString(file, Files.readString(file).replace("\"moveLevers\": [\"site.existing_building\"]",
                "\"moveLevers\": [\"site.teleport\"]"));
        assertThatThrownBy(() -> Advice.run(data.resolve("backtests"), AnalysisFixtures.ANALYZER, AnalysisFixtures.FACTS))
                .hasMessageContaining("tesla-cortex.json: moveLevers names 'site.teleport', which is no lever");
        Files.writeString(file, Files.readString(file).replaceAll("\"moveLevers\": \\[[^]]*\\],", "")
                .replaceAll("\"moveLeversWhy\": \"[^\"]*\",", ""));
        assertThatThrownBy(() -> Backtest.read(data.resolve("backtests"), AnalysisFixtures.FACTS, AnalysisFixtures.ANALYZER))
                .hasMessageContaining("tesla-cortex.json: a project with a move names the levers that stand for it");
    }
}

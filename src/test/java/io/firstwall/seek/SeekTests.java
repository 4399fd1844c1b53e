package io.firstwall.seek;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.analysis.Analyzer;
import io.firstwall.analysis.Schedule;
import io.firstwall.facts.FactBase;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanJson;
import io.firstwall.plan.PlanReader;
import io.firstwall.uncertainty.MonteCarlo;

/** Seek on the real rules, levers and facts: honest, cheapest first, no needless change, locks kept. */
class SeekTests {

    static final Analyzer ANALYZER = AnalysisFixtures.ANALYZER;
    static final FactBase FACTS = AnalysisFixtures.FACTS;
    static final PlanReader READER = new PlanReader(FACTS, AnalysisFixtures.RULES.attributes());
    static final Seek SEEK = new Seek(ANALYZER, new MonteCarlo(ANALYZER));

    static Plan example(String name) throws Exception {
        return READER.read(Files.readString(Path.of("data/plans/" + name + ".json")));
    }

    static SeekResult seek(Plan plan, SeekRequest request) {
        return SEEK.seek(plan, FACTS, READER, request, null);
    }

    @Test
    void aPlanOnTimeNeedsNothing() throws Exception {
        SeekResult r = seek(example("h100-expansion-feasible"), SeekRequest.point());
        assertThat(r.met()).isTrue();
        assertThat(r.options()).isEmpty();
        assertThat(r.base().onTime()).isTrue();
    }

    @Nested
    class OnTheOhioPlan {

        final SeekResult result;

        OnTheOhioPlan() throws Exception {
            result = seek(SeekTests.example("ohio-gas-engines"), SeekRequest.point());
        }

        @Test
        void everyOptionIsWhatAnalyzeGivesForItsPlan() {
            assertThat(result.met()).isTrue();
            assertThat(result.options()).isNotEmpty().hasSizeLessThanOrEqualTo(SeekRequest.DEFAULT_TOP);
            for (Option o : result.options()) {
                // The changed plan goes through the plan reader as a file would, then analyze.
                Plan read = READER.read(PlanJson.write(o.plan()));
                Analysis a = ANALYZER.analyze(read, FACTS);
                assertThat(Schedule.of(a)).as(o.words()).isEqualTo(o.schedule());
                assertThat(Schedule.of(a)).as(o.words()).allSatisfy(s -> assertThat(s.delayMonths()).isZero());
                assertThat(o.onTime()).isTrue();
                assertThat(o.firstWall()).isNull();
            }
        }

        @Test
        void optionsComeCheapestFirstAndCarryNoChangeTheyDoNotNeed() {
            List<Double> costs = result.options().stream().map(Option::totalCost).toList();
            assertThat(costs).isSorted();
            for (Option o : result.options()) {
                for (int skip = 0; o.changes().size() > 1 && skip < o.changes().size(); skip++) {
                    List<Change> fewer = new java.util.ArrayList<>(o.changes());
                    fewer.remove(skip);
                    Plan smaller = Seek.apply(example(), fewer, AnalysisFixtures.RULES.levers(),
                            AnalysisFixtures.RULES.attributes(), Seek.loadKw(ANALYZER.analyze(example(), FACTS)));
                    assertThat(ANALYZER.analyze(smaller, FACTS).feasible()).as(o.words() + " without one change").isFalse();
                }
            }
        }

        @Test
        void eachWallOfThePlanNamesTheLeversThatMoveIt() {
            Analysis base = ANALYZER.analyze(example(), FACTS);
            assertThat(result.leversByWall()).containsOnlyKeys(base.walls().stream().map(w -> w.factor()).toArray(String[]::new));
            assertThat(result.leversByWall().get("TURBINE_SUPPLY")).contains("Trailer turbines instead of frames");
        }

        @Test
        void theSameSearchGivesTheSameOptions() {
            SeekResult again = seek(example(), SeekRequest.point());
            assertThat(again.options().stream().map(Option::keys).toList())
                    .isEqualTo(result.options().stream().map(Option::keys).toList());
        }

        Plan example() {
            try {
                return SeekTests.example("ohio-gas-engines");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void lockedFieldsAreNeverChanged() throws Exception {
        SeekResult r = seek(example("memphis-onsite-gas-1gw"),
                new SeekRequest(0, 0, 0, Set.of("targets", "accelerators", "site"), 3, 5));
        assertThat(r.options()).isNotEmpty().allSatisfy(o -> assertThat(o.changes()).extracting(Change::field)
                .doesNotContain("targets", "accelerators", "location", "existingBuilding"));
    }

    @Test
    void whenNothingMeetsTheTargetItGivesTheClosestWithWhatStillHoldsIt() throws Exception {
        // Locked to its targets and size, the Memphis plan cannot run on time with the levers there are.
        SeekResult r = seek(example("memphis-onsite-gas-1gw"),
                new SeekRequest(0, 0, 0, Set.of("targets", "accelerators"), 3, 5));
        assertThat(r.met()).isFalse();
        assertThat(r.options()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.onTime()).isFalse();
            assertThat(o.thenWall()).isNotNull();
            assertThat(SeekText.outcome(o)).contains("then " + o.thenWall() + " holds it");
        });
        List<Integer> delays = r.options().stream().map(o -> o.worstDelayMonths() == null ? Integer.MAX_VALUE
                : o.worstDelayMonths()).toList();
        assertThat(delays).isSorted();
        assertThat(delays.get(0)).isLessThan(r.base().worstDelayMonths());
    }

    /** A plan no lever can save (ten million accelerators by 2028): nothing that moves nothing is offered as closest. */
    @Test
    void aChangeThatMovesNothingIsNeverOffered() throws Exception {
        Plan huge = READER.read("""
                {"name": "Huge", "location": "US-TX", "power": "ONSITE_GAS", "accelerator": "GB300", "decisionDate": "2026-01-15",
                 "phases": [{"online": "2028-12-31", "accelerators": 10000000}], "attributes": {}}""");
        SeekResult r = seek(huge, SeekRequest.point());
        assertThat(r.met()).isFalse();
        for (Option o : r.options()) {
            assertThat(o.changes()).extracting(Change::field).as(o.words()).doesNotContain("bridgeGeneration");
            boolean earlier = false;
            for (int i = 0; i < o.schedule().size(); i++) {
                Schedule was = r.base().schedule().get(i);
                Schedule now = o.schedule().get(i);
                earlier |= (now.achievable() != null && (was.achievable() == null || now.achievable().isBefore(was.achievable())))
                        || !java.util.Objects.equals(was.limitingFactor(), now.limitingFactor());
            }
            assertThat(earlier || !java.util.Objects.equals(o.firstWall(), r.base().firstWall())).as(o.words()).isTrue();
        }
    }

    @Test
    void withAConfidenceEachOptionIsOnTimeInThatShareOfSamples() throws Exception {
        Plan plan = example("ohio-gas-engines");
        SeekResult r = seek(plan, new SeekRequest(0.8, 64, 7, Set.of(), 3, 2));
        assertThat(r.options()).allSatisfy(o -> {
            assertThat(o.onTimeProbability()).isGreaterThanOrEqualTo(0.8);
            assertThat(new MonteCarlo(ANALYZER).run(o.plan(), FACTS, 64, 7, null).onTimeProbability())
                    .isEqualTo(o.onTimeProbability());
        });
        assertThat(r.met()).isEqualTo(!r.options().isEmpty());
    }
}

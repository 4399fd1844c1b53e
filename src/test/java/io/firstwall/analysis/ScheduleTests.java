package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.firstwall.plan.PlanReader;
import io.firstwall.plan.Power;

/** Each phase's target, achievable date, delay and limiting wall, on the example plans. */
class ScheduleTests {

    static Analysis analyze(String file) throws IOException {
        return AnalysisFixtures.ANALYZER.analyze(new PlanReader(AnalysisFixtures.FACTS)
                .read(Files.readString(Path.of("data/plans", file))), AnalysisFixtures.FACTS);
    }

    static Stream<String> examplePlans() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("data/plans"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** The last phase is full capacity: its date and delay are the walls' full-capacity date and largest slip. */
    @ParameterizedTest
    @MethodSource("examplePlans")
    void theLastPhaseIsFullCapacity(String file) throws IOException {
        Analysis a = analyze(file);
        List<Schedule> rows = Schedule.of(a);
        assertThat(rows).hasSameSizeAs(a.plan().phases());
        Schedule last = rows.get(rows.size() - 1);
        boolean open = a.walls().stream().anyMatch(Wall::openEnded);
        if (open) {
            assertThat(last.achievable()).isNull();
            assertThat(last.delayMonths()).isNull();
            return;
        }
        LocalDate full = a.walls().stream().map(Wall::fullCapacityOn).filter(Objects::nonNull)
                .max(LocalDate::compareTo).filter(d -> d.isAfter(a.plan().targetDate())).orElse(a.plan().targetDate());
        assertThat(last.achievable()).isEqualTo(full);
        assertThat(last.delayMonths()).isEqualTo(a.walls().stream().mapToInt(Wall::slipMonths).max().orElse(0));
        rows.forEach(r -> assertThat(r.achievable()).isAfterOrEqualTo(r.target()));
    }

    @Test
    void memphisWaitsForTurbinesFromItsFirstPhase() throws IOException {
        List<Schedule> rows = Schedule.of(analyze("memphis-onsite-gas-1gw.json"));
        assertThat(rows.get(0).target()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(rows.get(0).limitingFactor()).isEqualTo("TURBINE_SUPPLY");
        assertThat(rows.get(0).delayMonths()).isGreaterThan(40);
        assertThat(rows.get(1).delayMonths()).isEqualTo(49);
    }

    @Test
    void aFeasiblePlanRunsEveryPhaseOnTarget() throws IOException {
        assertThat(Schedule.of(analyze("h100-expansion-feasible.json")))
                .allSatisfy(r -> {
                    assertThat(r.achievable()).isEqualTo(r.target());
                    assertThat(r.delayMonths()).isZero();
                    assertThat(r.limitingFactor()).isNull();
                });
    }

    /**
     * A campus in Northern Virginia with 300 MW already at the site: phase 1 (100,000 GB300 by Jun 2026)
     * fits that power and waits months for HBM and chips; phase 2 (200,000 by Dec 2027) needs new grid
     * capacity and waits years; the last phase (400,000 by 2036) is on time. Every wall's slip is 0,
     * so the full-capacity figures alone say nothing is late. The phase delays and the schedule wall say
     * the grid holds phase 2 for years, while another wall binds first.
     */
    static Analysis phasedVirginia() {
        return AnalysisFixtures.analyze(AnalysisFixtures.plan("US-VA", Power.GRID).with("existingPowerMW", 300)
                .phase("2026-06-30", 100_000).phase("2027-12-31", 200_000).phase("2036-12-31", 400_000));
    }

    @Test
    void theWallThatSetsTheScheduleIsTheOneWithTheLargestPhaseDelay() {
        Analysis a = phasedVirginia();
        Wall grid = AnalysisFixtures.wall(a, "GRID_INTERCONNECT");
        assertThat(a.walls()).allSatisfy(w -> assertThat(w.slipMonths()).as(w.factor()).isZero());
        assertThat(grid.phaseDelays()).extracting(Wall.PhaseDelay::phase).containsExactly(1, 2, 3);
        Wall.PhaseDelay second = grid.phaseDelays().get(1);
        assertThat(second.online()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(second.delayMonths()).isEqualTo(WallCalculator.monthsLate(second.online(), second.metOn()))
                .isGreaterThan(36);
        assertThat(grid.phaseDelays().get(0).delayMonths()).isZero();
        assertThat(grid.maxDelayMonths()).isEqualTo(second.delayMonths());
        assertThat(a.firstWall().bindsOn()).isBefore(grid.bindsOn());
        assertThat(a.scheduleWall()).isSameAs(grid);
        assertThat(a.walls()).allSatisfy(w -> assertThat(w.maxDelayMonths()).isLessThanOrEqualTo(grid.maxDelayMonths()));
        assertThat(Schedule.of(a).get(1).delayMonths()).isEqualTo(grid.maxDelayMonths());
    }

    /** On a tie of binding dates, the first wall is the one that delays some phase most. */
    @Test
    void aTieOfBindingDatesGoesToTheLargerPhaseDelay() {
        Analysis a = AnalysisFixtures.analyze(AnalysisFixtures.plan("US-VA", Power.GRID)
                .phase("2026-09-30", 200_000).phase("2036-12-31", 400_000));
        assertThat(a.walls()).allSatisfy(w -> assertThat(w.bindsOn()).isEqualTo(LocalDate.of(2026, 9, 30)));
        assertThat(a.walls()).allSatisfy(w -> assertThat(w.slipMonths()).isZero());
        assertThat(a.firstWall().factor()).isEqualTo("GRID_INTERCONNECT");
        assertThat(a.firstWall()).isSameAs(a.scheduleWall());
    }

    /** On every example plan the schedule wall's worst delay is the largest delay of any phase. */
    @ParameterizedTest
    @MethodSource("examplePlans")
    void theScheduleWallHoldsTheLatestPhase(String file) throws IOException {
        Analysis a = analyze(file);
        if (a.feasible()) {
            assertThat(a.scheduleWall()).isNull();
            return;
        }
        Integer worstPhase = Schedule.of(a).stream().map(Schedule::delayMonths)
                .reduce(0, (x, y) -> x == null || y == null ? null : Math.max(x, y));
        assertThat(a.scheduleWall().maxDelayMonths()).isEqualTo(worstPhase);
    }
}

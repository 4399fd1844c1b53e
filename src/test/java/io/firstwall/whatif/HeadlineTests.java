package io.firstwall.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.AnalysisFixtures;
import io.firstwall.plan.Power;

/** The summary card's figures: the wall that sets the schedule beside the first wall, and the change against a base. */
class HeadlineTests {

    /** 100,000 GB300 on 300 MW already at a Northern Virginia site, 200,000 by Dec 2027 (new grid), 400,000 by 2036. */
    static Analysis gridCampus(String firstPhase) {
        return AnalysisFixtures.analyze(AnalysisFixtures.plan("US-VA", Power.GRID).with("existingPowerMW", 300)
                .phase(firstPhase, 100_000).phase("2027-12-31", 200_000).phase("2036-12-31", 400_000));
    }

    @Test
    void theScheduleWallIsNamedWithItsWorstPhaseWhenItIsNotTheFirstWall() {
        Analysis a = gridCampus("2026-06-30");
        Headline h = Headline.of(a);
        // A supply wall binds first on phase 1 and costs months; the grid holds phase 2 for years. Before,
        // the card said only "full capacity on target" and every wall's slip was 0.
        assertThat(h.factor()).isNotEqualTo("GRID_INTERCONNECT");
        assertThat(h.schedulingFactor()).isEqualTo("GRID_INTERCONNECT");
        assertThat(h.schedulePhase()).isEqualTo(2);
        assertThat(h.scheduleDelayMonths()).isEqualTo(a.scheduleWall().maxDelayMonths()).isGreaterThan(36);
        assertThat(a.wall("GRID_INTERCONNECT").orElseThrow().slipMonths()).isZero();
        assertThat(h.phases().get(1).limitingFactor()).isEqualTo("GRID_INTERCONNECT");
    }

    /**
     * Full capacity on its date while phase 2 is years late: the headline says so instead of "on target"
     * (the review's Southaven and Virginia cases); a phase later than full capacity is named beside it.
     */
    @Test
    void theHeadlineNeverSaysOnTargetWhileAPhaseIsLate() {
        Headline h = Headline.of(gridCampus("2026-06-30"));
        assertThat(h.monthsLate()).isZero();
        assertThat(h.worstPhase().phase()).isEqualTo(2);
        assertThat(h.worstPhase().delayMonths()).isGreaterThan(36);
        assertThat(h.onDateButAPhaseLate()).isTrue();
        assertThat(h.worstPhaseLaterThanFullCapacity()).isFalse();

        Headline memphis = Headline.of(AnalysisFixtures.analyze(AnalysisFixtures.plan("US-TN", Power.ONSITE_GAS)
                .with("turbineType", "HEAVY_DUTY").phase("2026-12-31", 110_000).phase("2027-06-30", 330_000)));
        assertThat(memphis.onDateButAPhaseLate()).isFalse();
        assertThat(memphis.worstPhase().phase()).isEqualTo(1);
        assertThat(memphis.worstPhase().delayMonths()).isGreaterThan(memphis.monthsLate());
        assertThat(memphis.worstPhaseLaterThanFullCapacity()).isTrue();

        Headline feasible = Headline.of(AnalysisFixtures.analyze(AnalysisFixtures.plan("US-VA", Power.GRID)
                .with("existingPowerMW", 300).phase("2030-06-30", 1000)));
        assertThat(feasible.worstPhase()).isNull();
        assertThat(feasible.onDateButAPhaseLate()).isFalse();
    }

    @Test
    void theChangeAgainstTheBaseSaysWhichWayAndHowFar() {
        Headline later = Headline.of(gridCampus("2026-06-30"));
        assertThat(later.versus(later)).isEqualTo(new Headline.Change("same delay as the base", "same"));
        assertThat(later.monthsLate()).isZero();
        Headline open = new Headline(false, "GRID_INTERCONNECT", later.bindsOn(), 1, later.target(), null, null, true, null,
                0, 0, later.phases());
        assertThat(open.versus(later)).isEqualTo(new Headline.Change("now open-ended (base Dec 2036)", "bad"));
        assertThat(later.versus(open)).isEqualTo(new Headline.Change("no longer open-ended", "good"));
        Headline late = new Headline(false, "GRID_INTERCONNECT", later.bindsOn(), 1, later.target(),
                later.target().plusMonths(12), 12, false, null, 0, 0, later.phases());
        assertThat(late.versus(later)).isEqualTo(new Headline.Change("+12 months against the base", "bad"));
        assertThat(later.versus(late)).isEqualTo(new Headline.Change("\u221212 months against the base", "good"));
    }
}

package io.firstwall.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WallCalculatorTests {

    static final LocalDate JAN_2027 = LocalDate.of(2027, 1, 1);
    static final LocalDate JUL_2027 = LocalDate.of(2027, 7, 1);
    static final double UNLIMITED = Double.POSITIVE_INFINITY;

    static Need need(int phase, LocalDate date, double amount) {
        return new Need("F", phase, date, amount, "MW", "N-1", List.of("n.fact"));
    }

    static Supply supply(String lane, LocalDate from, double amount) {
        return new Supply("F", lane, from, amount, "S-" + lane, "lane " + lane, List.of("s.fact"));
    }

    @Nested
    class OneFactor {

        @Test
        void noWallWhenSupplyComesInTime() {
            assertThat(WallCalculator.wall("F", List.of(need(1, JUL_2027, 100)),
                    List.of(supply("a", JAN_2027, UNLIMITED)))).isEmpty();
        }

        @Test
        void noWallWithoutAnySupplyRule() {
            assertThat(WallCalculator.wall("F", List.of(need(1, JUL_2027, 100)), List.of())).isEmpty();
        }

        @Test
        void bindsOnTheFirstPhaseItCannotMeetAndSlipsToTheFullDate() {
            Wall wall = WallCalculator.wall("F", List.of(need(1, JAN_2027, 50), need(2, JUL_2027, 100)),
                    List.of(supply("a", LocalDate.of(2026, 6, 1), 60), supply("a", LocalDate.of(2027, 10, 15), UNLIMITED)))
                    .orElseThrow();
            assertThat(wall.bindsOn()).isEqualTo(JUL_2027);
            assertThat(wall.fullCapacityOn()).isEqualTo(LocalDate.of(2027, 10, 15));
            assertThat(wall.slipMonths()).isEqualTo(4);
            assertThat(wall.shortfall()).isEqualTo(40);
            assertThat(wall.ruleIds()).containsExactly("N-1", "S-a");
            assertThat(wall.factIds()).containsExactly("n.fact", "s.fact");
            assertThat(wall.explanation()).contains("phase 2 needs 100 MW by Jul 2027 but only 60 MW is available then")
                    .contains("Oct 2027, 4 months after the target");
        }

        @Test
        void theLeastLaneLimitsAndTheLatestLaneSetsTheFullDate() {
            Wall wall = WallCalculator.wall("F", List.of(need(1, JAN_2027, 100)),
                    List.of(supply("early", LocalDate.of(2027, 3, 1), UNLIMITED),
                            supply("late", LocalDate.of(2028, 1, 1), UNLIMITED))).orElseThrow();
            assertThat(wall.fullCapacityOn()).isEqualTo(LocalDate.of(2028, 1, 1));
            assertThat(wall.slipMonths()).isEqualTo(12);
            assertThat(wall.explanation()).startsWith("Lane late");
        }

        @Test
        void aLaneThatNeverReachesTheFullNeedIsOpenEnded() {
            Wall wall = WallCalculator.wall("F", List.of(need(1, JAN_2027, 100)),
                    List.of(supply("a", LocalDate.of(2026, 1, 1), 30))).orElseThrow();
            assertThat(wall.openEnded()).isTrue();
            assertThat(wall.fullCapacityOn()).isNull();
            assertThat(wall.shortfall()).isEqualTo(70);
            assertThat(wall.explanation()).contains("no date in the fact base allows the full 100 MW");
        }

        @Test
        void slipCountsAPartMonthAsAMonth() {
            assertThat(WallCalculator.monthsLate(JAN_2027, JAN_2027)).isZero();
            assertThat(WallCalculator.monthsLate(JAN_2027, LocalDate.of(2026, 1, 1))).isZero();
            assertThat(WallCalculator.monthsLate(JAN_2027, LocalDate.of(2027, 1, 2))).isEqualTo(1);
            assertThat(WallCalculator.monthsLate(JAN_2027, LocalDate.of(2027, 2, 1))).isEqualTo(1);
            assertThat(WallCalculator.monthsLate(JAN_2027, LocalDate.of(2027, 2, 2))).isEqualTo(2);
        }
    }

    @Nested
    class FirstWallAndCascade {

        static Wall wall(String factor, LocalDate bindsOn, Integer slip) {
            return new Wall(factor, bindsOn, slip, null, 1, 1, "MW", "", List.of(), List.of());
        }

        @Test
        void theEarliestBindingWallComesFirst() {
            List<Wall> walls = List.of(wall("LATE", JUL_2027, 40), wall("EARLY", JAN_2027, 1));
            assertThat(walls.stream().sorted(WallCalculator.FIRST_WALL_ORDER).findFirst().orElseThrow().factor())
                    .isEqualTo("EARLY");
        }

        @Test
        void aTieGoesToTheLargerSlip() {
            List<Wall> walls = List.of(wall("SMALL", JAN_2027, 3), wall("LARGE", JAN_2027, 30));
            assertThat(WallCalculator.cascade(walls)).containsExactly("LARGE", "SMALL");
        }

        @Test
        void anOpenEndedSlipIsTheLargest() {
            List<Wall> walls = List.of(wall("BOUNDED", JAN_2027, 120), wall("OPEN", JAN_2027, null));
            assertThat(WallCalculator.cascade(walls)).containsExactly("OPEN", "BOUNDED");
        }

        @Test
        void theCascadeCrushesEachFirstWallInTurn() {
            List<Wall> walls = List.of(wall("C", LocalDate.of(2029, 1, 1), 5), wall("A", JAN_2027, 2),
                    wall("B", JAN_2027, 1));
            assertThat(WallCalculator.cascade(walls)).containsExactly("A", "B", "C");
        }

        @Test
        void noWallsMeansAnEmptyCascade() {
            assertThat(WallCalculator.cascade(List.of())).isEmpty();
        }
    }
}

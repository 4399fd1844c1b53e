package io.firstwall.whatif;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Wall;

/**
 * The one line an analyst reads first: which wall, when, how long before the target, and when full
 * capacity comes once every wall is passed ({@code fullCapacityOn} null: no date in the facts).
 */
public record Headline(boolean feasible, String factor, LocalDate bindsOn, long monthsBeforeTarget,
        LocalDate target, LocalDate fullCapacityOn, boolean openEnded) {

    public static Headline of(Analysis a) {
        LocalDate target = a.plan().targetDate();
        if (a.feasible()) {
            return new Headline(true, null, null, 0, target, target, false);
        }
        Wall first = a.firstWall();
        boolean open = a.walls().stream().anyMatch(Wall::openEnded);
        LocalDate full = open ? null : a.walls().stream().map(Wall::fullCapacityOn)
                .max(LocalDate::compareTo).orElse(target);
        return new Headline(false, first.factor(), first.bindsOn(),
                Math.max(0, ChronoUnit.MONTHS.between(first.bindsOn(), target)), target,
                full != null && full.isBefore(target) ? target : full, open);
    }
}

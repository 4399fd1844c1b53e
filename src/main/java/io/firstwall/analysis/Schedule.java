package io.firstwall.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.firstwall.plan.Phase;

/**
 * Each phase of an answer: its target, when every wall lets it run, how many months late that is,
 * and the wall that holds it longest. A phase no wall holds runs on its target.
 *
 * @param achievable null when a wall never lets the phase run within the facts
 * @param delayMonths null with {@code achievable}
 * @param limitingFactor the wall that holds the phase longest, or null when it runs on time
 */
public record Schedule(int phase, LocalDate target, LocalDate achievable, Integer delayMonths, String limitingFactor) {

    /** The last phase's row: full capacity, when it comes and how late. */
    public static Schedule fullCapacity(Analysis a) {
        List<Schedule> rows = of(a);
        return rows.get(rows.size() - 1);
    }

    public static List<Schedule> of(Analysis a) {
        List<Schedule> rows = new ArrayList<>();
        for (Phase phase : a.plan().phases()) {
            LocalDate achievable = phase.online();
            String limiting = null;
            boolean never = false;
            for (Wall w : a.walls()) {
                for (Wall.PhaseReady p : w.phases()) {
                    if (p.phase() != phase.number() || never) {
                        continue;
                    }
                    if (p.readyOn() == null) {
                        never = true;
                        limiting = w.factor();
                    } else if (p.readyOn().isAfter(achievable)) {
                        achievable = p.readyOn();
                        limiting = w.factor();
                    }
                }
            }
            rows.add(never ? new Schedule(phase.number(), phase.online(), null, null, limiting)
                    : new Schedule(phase.number(), phase.online(), achievable,
                            WallCalculator.monthsLate(phase.online(), achievable), limiting));
        }
        return rows;
    }
}

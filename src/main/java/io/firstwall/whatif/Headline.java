package io.firstwall.whatif;

import java.time.LocalDate;
import java.util.List;

import io.firstwall.analysis.Analysis;
import io.firstwall.analysis.Format;
import io.firstwall.analysis.Schedule;
import io.firstwall.analysis.Wall;

/**
 * What a planner reads first: when the plan reaches full capacity and how late that is, the wall
 * that binds first (when, in which phase), the wall that sets the schedule when it is another one,
 * and each phase's target, achievable date, delay and limiting wall.
 *
 * @param fullCapacityOn null when no date within the facts brings full capacity ({@code openEnded})
 * @param monthsLate null when open-ended
 * @param schedulingFactor the wall that sets the schedule ({@link Analysis#scheduleWall()}), when it is
 *     not the first wall
 * @param schedulePhase the phase that wall delays most
 * @param scheduleDelayMonths that phase's delay; null when it never runs within the facts
 */
public record Headline(boolean feasible, String factor, LocalDate bindsOn, int bindingPhase, LocalDate target,
        LocalDate fullCapacityOn, Integer monthsLate, boolean openEnded, String schedulingFactor,
        int schedulePhase, Integer scheduleDelayMonths, List<Schedule> phases) {

    public static Headline of(Analysis a) {
        List<Schedule> phases = Schedule.of(a);
        LocalDate target = a.plan().targetDate();
        if (a.feasible()) {
            return new Headline(true, null, null, 0, target, target, 0, false, null, 0, 0, phases);
        }
        Wall first = a.firstWall();
        Schedule last = phases.get(phases.size() - 1);
        int bindingPhase = phases.stream().filter(p -> !p.target().isBefore(first.bindsOn())).findFirst()
                .map(Schedule::phase).orElse(last.phase());
        Wall schedule = a.scheduleWall();
        String scheduling = null;
        int schedulePhase = 0;
        Integer scheduleDelay = 0;
        if (schedule != null && !schedule.factor().equals(first.factor())) {
            scheduling = schedule.factor();
            Wall.PhaseDelay worst = schedule.worstPhase();
            schedulePhase = worst == null ? last.phase() : worst.phase();
            scheduleDelay = worst == null ? schedule.slipMonths() : worst.delayMonths();
        }
        return new Headline(false, first.factor(), first.bindsOn(), bindingPhase, target, last.achievable(),
                last.delayMonths(), last.achievable() == null, scheduling, schedulePhase, scheduleDelay, phases);
    }

    /**
     * How this answer's full capacity moved from the base's: "−12 months" (earlier, good), "+3 months"
     * (later, bad), "same as the base", or a change to or from open-ended.
     *
     * @param tone "good", "bad" or "same"
     */
    public record Change(String text, String tone) {
    }

    public Change versus(Headline base) {
        if (openEnded || base.openEnded) {
            if (openEnded == base.openEnded) {
                return new Change("open-ended, as the base", "same");
            }
            return openEnded ? new Change("now open-ended (base " + base.fullCapacityText() + ")", "bad")
                    : new Change("no longer open-ended", "good");
        }
        int months = monthsLate - base.monthsLate;
        if (months == 0) {
            return new Change("same delay as the base", "same");
        }
        return new Change((months > 0 ? "+" : "\u2212") + Math.abs(months) + (Math.abs(months) == 1 ? " month" : " months")
                + " against the base", months > 0 ? "bad" : "good");
    }

    /**
     * The phase latest against its own target (one that never runs within the facts first), or null
     * when no phase is late: the headline never says "on target" while a phase is late.
     */
    public Schedule worstPhase() {
        Schedule worst = null;
        for (Schedule p : phases) {
            if (p.delayMonths() == null) {
                return p;
            }
            if (p.delayMonths() > 0 && (worst == null || p.delayMonths() > worst.delayMonths())) {
                worst = p;
            }
        }
        return worst;
    }

    /** Full capacity comes on its date, but an earlier phase is late: said instead of "on target". */
    public boolean onDateButAPhaseLate() {
        Schedule worst = worstPhase();
        return !feasible && !openEnded && monthsLate != null && monthsLate == 0 && worst != null
                && worst.delayMonths() != null;
    }

    /**
     * An earlier phase is later than full capacity and no other wall's sentence names it: the headline
     * adds the worst phase's delay beside the full-capacity delay.
     */
    public boolean worstPhaseLaterThanFullCapacity() {
        Schedule worst = worstPhase();
        return !feasible && !openEnded && monthsLate != null && monthsLate > 0 && schedulingFactor == null
                && worst != null && worst.delayMonths() != null && worst.delayMonths() > monthsLate;
    }

    /** "Jan 2031", or "never" when open-ended. */
    public String fullCapacityText() {
        return Format.month(fullCapacityOn);
    }

    public String bindsOnText() {
        return Format.month(bindsOn);
    }

    public String targetText() {
        return Format.month(target);
    }
}

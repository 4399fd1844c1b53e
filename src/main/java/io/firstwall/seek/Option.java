package io.firstwall.seek;

import java.time.LocalDate;
import java.util.List;

import io.firstwall.analysis.Schedule;
import io.firstwall.plan.Plan;

/**
 * A set of changes and the full answer for the plan they make.
 *
 * @param plan the changed plan, as {@code analyze} would read it
 * @param schedule each phase of the changed plan: its target, when it runs, how late, what holds it
 * @param onTime every phase runs on its target in the point answer
 * @param onTimeProbability the share of samples in which every phase does; null when not sampled
 * @param leverCost what the changes cost; {@code delayCost} what the delay that remains costs
 * @param marginMonths the fewest months between a wall letting a phase run and its target (null: no wall
 *        comes near); negative when late
 * @param firstWall the changed plan's first wall, null when none binds
 * @param thenWall when a phase stays late, the wall that sets the schedule now, and {@code thenOn} when
 *        it lets full capacity run (null: never within the facts)
 */
public record Option(List<Change> changes, Plan plan, List<Schedule> schedule, boolean onTime, Double onTimeProbability,
        double leverCost, double delayCost, Integer marginMonths, String firstWall, String thenWall, LocalDate thenOn) {

    public Option {
        changes = List.copyOf(changes);
        schedule = List.copyOf(schedule);
    }

    /** Lever costs plus the cost of the delay that remains (infinite when a phase never runs). */
    public double totalCost() {
        return leverCost + delayCost;
    }

    /** When full capacity runs in the point answer (null: never within the facts). */
    public LocalDate fullCapacityOn() {
        return schedule.get(schedule.size() - 1).achievable();
    }

    /** The largest delay of any phase (null: a phase never runs). */
    public Integer worstDelayMonths() {
        Integer worst = 0;
        for (Schedule s : schedule) {
            if (s.delayMonths() == null) {
                return null;
            }
            worst = Math.max(worst, s.delayMonths());
        }
        return worst;
    }

    /** The changes as one sentence: "Bridge on rented trailer turbines, and accept curtailment". */
    public String words() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < changes.size(); i++) {
            if (i > 0) {
                b.append(i == changes.size() - 1 ? " and " : ", ");
            }
            String w = changes.get(i).words();
            b.append(i == 0 ? w : Character.toLowerCase(w.charAt(0)) + w.substring(1));
        }
        return b.toString();
    }

    /** The changes as {@code lever:step} keys, for a link that opens the option as a what-if. */
    public List<String> keys() {
        return changes.stream().map(Change::key).toList();
    }
}
